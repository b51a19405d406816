package dev.nemo.sdk.testkit.media.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rasterises a title banner (white text on a translucent dark band) for the top of the video.
 *
 * <p>This FFmpeg build has no {@code drawtext} filter (FFmpeg 7.1's drawtext needs libharfbuzz,
 * which the JavaCPP build leaves out), so the text is drawn with Java2D from a TrueType font found
 * on the machine and composited by FFmpeg's {@code overlay}. The font is, in order: the file named
 * by the system property {@value #FONT_PROPERTY}, then common font files (DejaVu, Liberation,
 * Noto, FreeFont, Arial, Helvetica). If none can draw the text, the title is skipped and the
 * report says why.
 */
public final class TitleImage {

    /** System property naming a TrueType/OpenType font file to draw titles with. */
    public static final String FONT_PROPERTY = "nemo.media.font";

    private static final Logger LOG = LoggerFactory.getLogger(TitleImage.class);

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
            "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/System/Library/Fonts/Helvetica.ttc",
            "/Library/Fonts/Arial.ttf",
            "C:\\Windows\\Fonts\\arialbd.ttf",
            "C:\\Windows\\Fonts\\arial.ttf");

    /**
     * A banner, or why there is none.
     *
     * @param rgba the pixels, row by row, 4 bytes each (R, G, B, A), or null if skipped
     * @param width the banner width
     * @param height the banner height
     * @param skipReason why no banner was drawn, or null
     */
    public record Banner(byte[] rgba, int width, int height, String skipReason) {}

    private TitleImage() {}

    /**
     * Draws a banner as wide as the frame.
     *
     * @param text the title
     * @param frame the output frame size
     * @return the banner, or one with a skip reason
     */
    public static Banner render(String text, Size frame) {
        Optional<Font> font = findFont(text);
        if (font.isEmpty()) {
            String reason = "title skipped: no font on this machine can draw \"" + text + "\" (set -D" + FONT_PROPERTY
                    + "=/path/to/font.ttf)";
            LOG.info(reason);
            return new Banner(null, 0, 0, reason);
        }
        int w = frame.width();
        int h = Math.max(16, Math.min(frame.height() / 2, Math.round(frame.height() * 0.14f))) & ~1;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.Src);
            g.setColor(new Color(0, 0, 0, 140));
            g.fillRect(0, 0, w, h);
            float size = h * 0.62f;
            Font f = font.get().deriveFont(Font.BOLD, size);
            FontMetrics m = g.getFontMetrics(f);
            while (m.stringWidth(text) > w * 0.94 && size > 6) {
                size *= 0.9f;
                f = f.deriveFont(size);
                m = g.getFontMetrics(f);
            }
            g.setFont(f);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            int x = Math.max(0, (w - m.stringWidth(text)) / 2);
            int y = (h - m.getHeight()) / 2 + m.getAscent();
            g.drawString(text, x, y);
        } finally {
            g.dispose();
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgba = new byte[w * h * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgba[i * 4] = (byte) (p >> 16);
            rgba[i * 4 + 1] = (byte) (p >> 8);
            rgba[i * 4 + 2] = (byte) p;
            rgba[i * 4 + 3] = (byte) (p >>> 24);
        }
        return new Banner(rgba, w, h, null);
    }

    /**
     * The first font that can draw every character of the text.
     *
     * @param text the text
     * @return the font, or empty
     */
    static Optional<Font> findFont(String text) {
        List<String> paths = new ArrayList<>();
        String configured = System.getProperty(FONT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            paths.add(configured);
        }
        paths.addAll(CANDIDATES);
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                Font f = Font.createFont(Font.TRUETYPE_FONT, new File(p));
                if (f.canDisplayUpTo(text) == -1) {
                    return Optional.of(f);
                }
            } catch (Exception | LinkageError | InternalError e) { // a broken font file or a JDK without font support
                LOG.debug("cannot use font {}: {}", p, e.toString());
            }
        }
        return Optional.empty();
    }
}
