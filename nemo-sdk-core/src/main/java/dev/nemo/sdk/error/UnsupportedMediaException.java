package dev.nemo.sdk.error;

import dev.nemo.sdk.upload.MediaFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client-side content check refused a file before it was sent: its bytes are not one of the
 * accepted {@link MediaFormat}s, whatever its extension says. It is a client-side error: nothing was
 * sent. The server's own refusal (code 4001) is the service error
 * {@link UnsupportedFileTypeException}; catch both with
 * {@code catch (UnsupportedMediaException | UnsupportedFileTypeException e)}.
 */
public class UnsupportedMediaException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final @Nullable MediaFormat claimed;

    /**
     * Creates the exception.
     *
     * @param message  description naming the file
     * @param fileName the file concerned
     * @param claimed  the format its extension names, or {@code null}
     */
    public UnsupportedMediaException(String message, String fileName, @Nullable MediaFormat claimed) {
        super(message, ErrorDetails.none(), null);
        this.fileName = fileName;
        this.claimed = claimed;
    }

    /** {@return the file name of the source concerned} */
    public String fileName() {
        return fileName;
    }

    /** {@return the format the file's extension names, when it names one} */
    public Optional<MediaFormat> claimedByExtension() {
        return Optional.ofNullable(claimed);
    }
}
