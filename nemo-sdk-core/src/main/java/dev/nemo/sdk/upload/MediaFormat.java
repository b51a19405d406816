package dev.nemo.sdk.upload;

import dev.nemo.sdk.internal.upload.MediaSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The media formats the NemoVideo upload accepts, with the MIME type the SDK sends for each and
 * the magic bytes it recognises them by. {@link MediaFormats} says which of them the GIF compressor
 * is made for, the size limit, and the sentence every message shows.
 *
 * <p>Formats are grouped in containers: a file's extension picks the MIME type when it names the
 * same container as the content ({@code clip.png} holding an animated PNG is sent as
 * {@code image/png}, {@code clip.mov} holding an ISO-BMFF {@code isom} movie as
 * {@code video/quicktime}); otherwise the content decides ({@code clip.gif} holding an MP4 is sent
 * as {@code video/mp4}, and a file without extension is sent as what it contains).
 */
public enum MediaFormat {
    /** MPEG-4 video ({@code ftyp} box with an MP4 brand). */
    MP4("MP4", "video/mp4", Kind.VIDEO, Container.ISO_BMFF, "mp4"),
    /** QuickTime movie ({@code ftyp qt  }, or a bare {@code moov}/{@code mdat} atom). */
    MOV("MOV", "video/quicktime", Kind.VIDEO, Container.ISO_BMFF, "mov"),
    /** AVI ({@code RIFF....AVI }). */
    AVI("AVI", "video/x-msvideo", Kind.VIDEO, Container.RIFF_AVI, "avi"),
    /** WebM (EBML with DocType {@code webm}). */
    WEBM("WebM", "video/webm", Kind.VIDEO, Container.MATROSKA, "webm"),
    /** Matroska (EBML with DocType {@code matroska}). */
    MKV("MKV", "video/x-matroska", Kind.VIDEO, Container.MATROSKA, "mkv"),
    /** JPEG ({@code FF D8 FF}). */
    JPEG("JPG", "image/jpeg", Kind.IMAGE, Container.JPEG, "jpg", "jpeg"),
    /** PNG without animation. */
    PNG("PNG", "image/png", Kind.IMAGE, Container.PNG, "png"),
    /** Animated PNG (a PNG with an {@code acTL} chunk before its image data). */
    APNG("APNG", "image/apng", Kind.IMAGE, Container.PNG, "apng"),
    /** GIF ({@code GIF87a} or {@code GIF89a}). */
    GIF("GIF", "image/gif", Kind.IMAGE, Container.GIF, "gif"),
    /** WebP ({@code RIFF....WEBP}). */
    WEBP("WebP", "image/webp", Kind.IMAGE, Container.RIFF_WEBP, "webp"),
    /** MPEG audio (an {@code ID3} tag or an MPEG audio frame). */
    MP3("MP3", "audio/mpeg", Kind.AUDIO, Container.MPEG_AUDIO, "mp3"),
    /** WAVE audio ({@code RIFF....WAVE}, also {@code RF64}). */
    WAV("WAV", "audio/wav", Kind.AUDIO, Container.RIFF_WAVE, "wav"),
    /** MPEG-4 audio ({@code ftyp M4A }). */
    M4A("M4A", "audio/mp4", Kind.AUDIO, Container.ISO_BMFF, "m4a"),
    /** Raw AAC (an ADTS frame or an {@code ADIF} header). */
    AAC("AAC", "audio/aac", Kind.AUDIO, Container.AAC, "aac");

    /** The MIME type sent for a file whose type the SDK does not know. */
    public static final String UNKNOWN_MIME_TYPE = "application/octet-stream";

    /** How many leading bytes {@link #detect(byte[])} needs at most to decide. */
    public static final int SNIFF_BYTES = MediaSniffer.WINDOW;

    /** What the file holds. */
    public enum Kind {
        /** A video. */
        VIDEO,
        /** A still or animated image. */
        IMAGE,
        /** Audio only. */
        AUDIO
    }

    /** The container family: formats in one family are told apart by details an extension may know better. */
    enum Container {
        ISO_BMFF, RIFF_AVI, RIFF_WEBP, RIFF_WAVE, MATROSKA, JPEG, PNG, GIF, MPEG_AUDIO, AAC
    }

    private final String displayName;
    private final String mimeType;
    private final Kind kind;
    private final Container container;
    @SuppressWarnings("ImmutableEnumChecker") // List.of is unmodifiable; the checker only trusts Guava's types
    private final List<String> extensions;

    MediaFormat(String displayName, String mimeType, Kind kind, Container container, String... extensions) {
        this.displayName = displayName;
        this.mimeType = mimeType;
        this.kind = kind;
        this.container = container;
        this.extensions = List.of(extensions);
    }

    /** {@return the name a person reads, for example {@code WebM} or {@code JPG}} */
    public String displayName() {
        return displayName;
    }

    /** {@return every extension of this format, without the dot, the usual one first} */
    public List<String> extensions() {
        return extensions;
    }

    /** {@return the MIME type sent for this format, for example {@code video/mp4}} */
    public String mimeType() {
        return mimeType;
    }

    /** {@return video, image or audio} */
    public Kind kind() {
        return kind;
    }

    /** {@return the usual file extension, without the dot} */
    public String extension() {
        return extensions.get(0);
    }

    /**
     * {@return whether both are variants of one container (MP4/MOV/M4A, WebM/MKV, PNG/APNG)}
     *
     * @param other another format
     */
    public boolean sameContainer(@Nullable MediaFormat other) {
        return other != null && container == other.container;
    }

    /**
     * {@return the format its extension names (case-insensitive), when it names one}
     *
     * @param fileName a file name or path
     */
    public static Optional<MediaFormat> fromFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        String ext = extensionOf(fileName);
        if (ext.isEmpty()) {
            return Optional.empty();
        }
        for (MediaFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The MIME type for a file name by its extension alone, as the NemoVideo CLI sends it.
     *
     * @param fileName a file name or path
     * @return the MIME type, or {@value #UNKNOWN_MIME_TYPE}
     */
    public static String mimeTypeOf(String fileName) {
        return fromFileName(fileName).map(MediaFormat::mimeType).orElse(UNKNOWN_MIME_TYPE);
    }

    /**
     * Recognises a format by its magic bytes. Never throws, whatever the bytes.
     *
     * @param head the first bytes of the file ({@link #SNIFF_BYTES} are enough; fewer may do)
     * @return the format, or empty when the content is not a supported media format
     */
    public static Optional<MediaFormat> detect(byte[] head) {
        Objects.requireNonNull(head, "head");
        return Optional.ofNullable(MediaSniffer.detect(head, head.length));
    }

    /**
     * Recognises the format of a file by its magic bytes (reads at most {@link #SNIFF_BYTES}).
     *
     * @param file the file
     * @return the format, or empty when the content is not a supported media format
     * @throws IOException when the file cannot be read
     */
    public static Optional<MediaFormat> detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SNIFF_BYTES));
        }
    }

    /**
     * The MIME type to send for a file: the extension's when it names the same container as
     * {@code content}, otherwise the content's.
     *
     * @param fileName the file name
     * @param content  the format recognised from the content
     * @return the MIME type
     */
    public static String mimeTypeFor(String fileName, MediaFormat content) {
        Objects.requireNonNull(content, "content");
        return fromFileName(fileName).filter(content::sameContainer).orElse(content).mimeType();
    }

    private static String extensionOf(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
