package dev.nemo.sdk.testkit.media;

import java.util.Locale;
import java.util.Map;

/**
 * An opaque colour, used as the background that transparent pixels are composited on.
 *
 * @param red 0..255
 * @param green 0..255
 * @param blue 0..255
 */
public record RgbColor(int red, int green, int blue) {

    /** White, the default background (what a browser shows behind a transparent GIF on a blank page). */
    public static final RgbColor WHITE = new RgbColor(255, 255, 255);
    /** Black. */
    public static final RgbColor BLACK = new RgbColor(0, 0, 0);

    private static final Map<String, RgbColor> NAMED = Map.ofEntries(
            Map.entry("white", WHITE),
            Map.entry("black", BLACK),
            Map.entry("red", new RgbColor(255, 0, 0)),
            Map.entry("green", new RgbColor(0, 128, 0)),
            Map.entry("lime", new RgbColor(0, 255, 0)),
            Map.entry("blue", new RgbColor(0, 0, 255)),
            Map.entry("yellow", new RgbColor(255, 255, 0)),
            Map.entry("orange", new RgbColor(255, 165, 0)),
            Map.entry("purple", new RgbColor(128, 0, 128)),
            Map.entry("pink", new RgbColor(255, 192, 203)),
            Map.entry("gray", new RgbColor(128, 128, 128)),
            Map.entry("grey", new RgbColor(128, 128, 128)),
            Map.entry("silver", new RgbColor(192, 192, 192)),
            Map.entry("navy", new RgbColor(0, 0, 128)),
            Map.entry("teal", new RgbColor(0, 128, 128)),
            Map.entry("cyan", new RgbColor(0, 255, 255)),
            Map.entry("magenta", new RgbColor(255, 0, 255)));

    /**
     * Validates the channels.
     *
     * @throws IllegalArgumentException if a channel is outside 0..255
     */
    public RgbColor {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("colour channels must be 0..255: " + red + "," + green + "," + blue);
        }
    }

    /**
     * Parses {@code #rgb}, {@code #rrggbb}, {@code 0xrrggbb}, {@code rrggbb} or a basic CSS colour
     * name ({@code white}, {@code black}, {@code red}, {@code green}, {@code blue}, {@code yellow},
     * {@code orange}, {@code purple}, {@code pink}, {@code gray}, ...), case-insensitively.
     *
     * @param text the colour
     * @return the colour
     * @throws IllegalArgumentException if the text is not a colour
     */
    public static RgbColor parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        RgbColor named = NAMED.get(s);
        if (named != null) {
            return named;
        }
        String hex = s.startsWith("#") ? s.substring(1) : s.startsWith("0x") ? s.substring(2) : s;
        if (hex.length() == 3 && hex.chars().allMatch(RgbColor::isHex)) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        if (hex.length() != 6 || !hex.chars().allMatch(RgbColor::isHex)) {
            throw new IllegalArgumentException("not a colour: '" + text + "' (use #rrggbb or a basic colour name)");
        }
        int v = Integer.parseInt(hex, 16);
        return new RgbColor(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /**
     * The colour as {@code #rrggbb}.
     *
     * @return the hex form, lower case
     */
    public String toHex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
