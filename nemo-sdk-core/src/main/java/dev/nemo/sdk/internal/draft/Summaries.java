package dev.nemo.sdk.internal.draft;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders drafts in the skill's timeline format, for example
 * {@code Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)}.
 * Never throws: odd shapes render as placeholders.
 */
public final class Summaries {
    private static final int MAX_NAME = 80;

    private Summaries() {}

    public static String draft(Draft draft) {
        List<Track> tracks = draft.tracks();
        StringBuilder sb = new StringBuilder("Timeline (")
                .append(tracks.size())
                .append(tracks.size() == 1 ? " track)" : " tracks)");
        if (tracks.isEmpty()) {
            return sb.toString();
        }
        sb.append(':');
        for (int i = 0; i < tracks.size(); i++) {
            sb.append(' ').append(i + 1).append(". ").append(track(tracks.get(i)));
        }
        return sb.toString();
    }

    public static String track(Track track) {
        StringBuilder sb = new StringBuilder(typeName(track)).append(": ");
        List<Segment> segments = track.segments();
        if (segments.isEmpty()) {
            return sb.append("empty").toString();
        }
        boolean text = track.is(TrackType.TEXT);
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(segment(segments.get(i), text));
        }
        return sb.toString();
    }

    public static String typeName(Track track) {
        return track.type().map(TrackType::displayName).orElse("Track");
    }

    /** The name, then the time range and volume in parentheses when known. */
    public static String segment(Segment s, boolean textTrack) {
        String name = name(s, textTrack);
        String details = details(s);
        return details.isEmpty() ? name : name + " (" + details + ")";
    }

    public static String name(Segment s, boolean textTrack) {
        Optional<String> text = s.text().map(Summaries::clean).filter(t -> !t.isEmpty());
        Optional<String> label = s.label().map(Summaries::clean).filter(t -> !t.isEmpty());
        if (textTrack && text.isPresent()) {
            return quote(text.get());
        }
        if (label.isPresent()) {
            return label.get();
        }
        return text.map(Summaries::quote).orElse("untitled");
    }

    public static String details(Segment s) {
        StringBuilder sb = new StringBuilder(range(s));
        OptionalDouble volume = s.volume();
        if (volume.isPresent()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(percent(volume.getAsDouble()));
        }
        return sb.toString();
    }

    /** {@code 0-10s}, {@code from 2s}, or empty when no time is known. */
    public static String range(Segment s) {
        Optional<Duration> end = s.end();
        if (end.isPresent()) {
            return seconds(s.start().orElse(Duration.ZERO)) + "-" + seconds(end.get()) + "s";
        }
        return s.start().map(st -> "from " + seconds(st) + "s").orElse("");
    }

    /** Seconds with at most one decimal: {@code 10}, {@code 2.5}. */
    public static String seconds(Duration d) {
        // from seconds and nanos: toMillis() would overflow for the sum of two huge times
        BigDecimal s = BigDecimal.valueOf(d.getSeconds())
                .add(BigDecimal.valueOf(d.getNano(), 9))
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    public static String percent(double volume) {
        return Math.round(volume * 100) + "%";
    }

    public static String quote(String s) {
        return '"' + s + '"';
    }

    /** One line, bounded: control characters become spaces, long names are cut. */
    public static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_NAME + 1));
        for (int i = 0; i < s.length() && sb.length() < MAX_NAME; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        String out = sb.toString().strip();
        if (s.length() > MAX_NAME && sb.length() >= MAX_NAME && !out.isEmpty()) {
            // avoid cutting a surrogate pair in half
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out = out.substring(0, out.length() - 1);
            }
            out = out + "…";
        }
        return out;
    }
}
