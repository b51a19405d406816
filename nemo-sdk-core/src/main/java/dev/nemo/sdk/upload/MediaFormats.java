package dev.nemo.sdk.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one list of accepted input formats, used by every message of the SDK, the examples and the
 * emulator. The GIF compressor is made for GIF, MP4, WebM and APNG up to 200 MB (the seed's words);
 * the upload also takes the platform's other formats (MOV, AVI, MKV, JPG, PNG, WebP, MP3, WAV, M4A,
 * AAC). Images other than GIF and APNG are promised as still pictures only: whether an animated
 * WebP can be rendered depends on the server.
 *
 * <pre>{@code
 * System.out.println("Accepted: " + MediaFormats.description());
 * // Accepted: GIF, MP4, WebM or APNG up to 200 MB; also MOV, AVI and MKV video, JPG, PNG and WebP
 * // still images, and MP3, WAV, M4A and AAC audio
 * }</pre>
 */
public final class MediaFormats {
    /** The upload limit per file the GIF compressor documents: 200 MB (200 × 1024 × 1024 bytes). */
    public static final long MAX_FILE_SIZE = 200L * 1024 * 1024;

    private static final List<MediaFormat> PRIMARY =
            List.of(MediaFormat.GIF, MediaFormat.MP4, MediaFormat.WEBM, MediaFormat.APNG);
    private static final List<MediaFormat> ACCEPTED = primaryFirst();
    private static final String DESCRIPTION = describe();

    private MediaFormats() {}

    /** {@return the formats the GIF compressor is made for, as the seed names them: GIF, MP4, WebM, APNG} */
    public static List<MediaFormat> primary() {
        return PRIMARY;
    }

    /** {@return every format the upload accepts, the {@link #primary()} ones first} */
    public static List<MediaFormat> accepted() {
        return ACCEPTED;
    }

    /** {@return the file extensions of every accepted format, without the dot, in lower case} */
    public static Set<String> extensions() {
        return ACCEPTED.stream()
                .flatMap(f -> f.extensions().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@return the MIME types the SDK sends for the accepted formats} */
    public static Set<String> mimeTypes() {
        return ACCEPTED.stream().map(MediaFormat::mimeType).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The sentence a person reads wherever a file is refused or the formats are listed: the
     * 4001 error, the upload's local refusal, the examples and the emulator.
     *
     * @return for example "GIF, MP4, WebM or APNG up to 200 MB; also MOV, AVI and MKV video, JPG,
     *         PNG and WebP still images, and MP3, WAV, M4A and AAC audio"
     */
    public static String description() {
        return DESCRIPTION;
    }

    private static List<MediaFormat> primaryFirst() {
        List<MediaFormat> all = new ArrayList<>(PRIMARY);
        Arrays.stream(MediaFormat.values()).filter(f -> !PRIMARY.contains(f)).forEach(all::add);
        return Collections.unmodifiableList(all);
    }

    private static String describe() {
        return names(PRIMARY, "or") + " up to " + MAX_FILE_SIZE / (1024 * 1024) + " MB; also "
                + names(others(MediaFormat.Kind.VIDEO), "and") + " video, "
                + names(others(MediaFormat.Kind.IMAGE), "and") + " still images, and "
                + names(others(MediaFormat.Kind.AUDIO), "and") + " audio";
    }

    private static List<MediaFormat> others(MediaFormat.Kind kind) {
        return ACCEPTED.stream()
                .filter(f -> !PRIMARY.contains(f) && f.kind() == kind)
                .toList();
    }

    private static String names(List<MediaFormat> formats, String conjunction) {
        List<String> names = formats.stream().map(MediaFormat::displayName).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                        + names.get(names.size() - 1);
    }
}
