package dev.nemo.sdk.internal.upload;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.MediaSourceException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The content of {@code MediaSource.ofInputStream}: each subscription (one per attempt) asks the
 * opener for a stream. An opener that hands back the stream it returned before (a one-shot
 * stream, already read) fails that attempt with a {@link MediaSourceException} before a byte of
 * the body goes out, instead of sending an empty or partial file.
 */
public final class OpenedStreams implements Flow.Publisher<ByteBuffer> {
    private final String fileName;
    private final Supplier<? extends InputStream> opener;
    private WeakReference<InputStream> last = new WeakReference<>(null);

    /**
     * Creates it from its parts.
     *
     * @param fileName the file name, for the errors
     * @param opener   returns a stream positioned at the start of the content
     */
    public OpenedStreams(String fileName, Supplier<? extends InputStream> opener) {
        this.fileName = fileName;
        this.opener = opener;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        InputStream in;
        try {
            in = opener.get();
        } catch (RuntimeException e) {
            CheckedContent.failing(error("its opener failed: " + e, e)).subscribe(subscriber);
            return;
        }
        if (in == null) {
            CheckedContent.failing(error("its opener returned null", null)).subscribe(subscriber);
            return;
        }
        if (!remember(in)) {
            CheckedContent.failing(error("its opener returned the same InputStream as before, which was already "
                    + "read. The server refused the first attempt before processing it (HTTP 429, an expired token "
                    + "or a failed connect), so the content is needed once more: pass an opener that opens the "
                    + "content anew each time it is called, or upload from a file", null)).subscribe(subscriber);
            return;
        }
        HttpRequest.BodyPublishers.ofInputStream(() -> in).subscribe(subscriber);
    }

    /** {@return whether {@code in} is a stream this opener did not return last time} */
    private synchronized boolean remember(InputStream in) {
        if (last.get() == in) {
            return false;
        }
        last = new WeakReference<>(in);
        return true;
    }

    private MediaSourceException error(String why, @Nullable Throwable cause) {
        return new MediaSourceException("The stream of '" + fileName + "' cannot be sent again: " + why, fileName,
                ErrorDetails.none(), cause);
    }
}
