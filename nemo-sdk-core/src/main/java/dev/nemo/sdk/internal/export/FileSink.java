package dev.nemo.sdk.internal.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a response body to a new temporary file in the target's directory and completes with the
 * byte count. It can be aborted from another thread (a deadline, a cancellation): reading stops and
 * the temporary file is deleted, so nothing partial is ever left behind.
 */
final class FileSink implements HttpResponse.BodySubscriber<Long> {
    private final Path directory;
    private final String prefix;
    private final boolean durable;
    private final Consumer<LocalFileFailure> onLocalFailure;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private Flow.@Nullable Subscription subscription;
    private @Nullable Path temp;
    private @Nullable FileChannel channel;
    private long written;
    private boolean closed;

    /**
     * Creates it from its parts.
     *
     * @param directory      where the temporary file goes (the target's directory, so the move is atomic)
     * @param prefix         temporary file name prefix
     * @param durable        whether the data is forced to the device before the file is handed over
     * @param onLocalFailure told when the local file system fails (as opposed to the download)
     */
    FileSink(Path directory, String prefix, boolean durable, Consumer<LocalFileFailure> onLocalFailure) {
        this.directory = directory;
        this.prefix = prefix;
        this.durable = durable;
        this.onLocalFailure = onLocalFailure;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        lock.lock();
        try {
            subscription = s;
            if (closed) {
                s.cancel();
                return;
            }
            // not Files.createTempFile: it makes the file owner-only, and the downloaded video should get
            // the permissions of any new file (the process umask applies to CREATE_NEW)
            Path file = directory.resolve(prefix + UUID.randomUUID() + ".part");
            temp = file;
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        } catch (IOException | RuntimeException e) {
            failLocked(new LocalFileFailure("Cannot create a temporary file in " + directory, e));
            s.cancel();
            return;
        } finally {
            lock.unlock();
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        Flow.@Nullable Subscription more;
        lock.lock();
        try {
            more = writeLocked(buffers);
        } finally {
            lock.unlock();
        }
        if (more != null) {
            more.request(1);
        }
    }

    /** Writes a chunk and returns the subscription to ask for the next one, or {@code null} when closed or failed. */
    private Flow.@Nullable Subscription writeLocked(List<ByteBuffer> buffers) {
        Flow.Subscription s = subscription;
        FileChannel c = channel;
        // the channel is open once onSubscribe succeeded; when it failed, the sink is closed
        if (closed || s == null || c == null) {
            return null;
        }
        try {
            // one gathering write per chunk (the JDK hands over several buffers at a time)
            ByteBuffer[] all = buffers.toArray(new ByteBuffer[0]);
            long left = 0;
            for (ByteBuffer b : all) {
                left += b.remaining();
            }
            while (left > 0) {
                long n = c.write(all);
                written += n;
                left -= n;
            }
            return s;
        } catch (IOException e) {
            failLocked(new LocalFileFailure("Cannot write the temporary file " + temp, e));
            s.cancel();
            return null;
        }
    }

    @Override
    public void onError(Throwable error) {
        lock.lock();
        try {
            failLocked(error);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            FileChannel c = channel;
            if (closed || c == null) {
                return;
            }
            closed = true;
            if (durable) {
                // on disk before the move makes it visible under the target name
                c.force(false);
            }
            c.close();
            result.complete(written);
        } catch (IOException e) {
            closed = false;
            failLocked(new LocalFileFailure("Cannot finish the temporary file " + temp, e));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    /** Stops reading, deletes the temporary file and fails the body with {@code error}. */
    void abort(Throwable error) {
        Flow.@Nullable Subscription s;
        lock.lock();
        try {
            s = subscription;
            failLocked(error);
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.cancel();
        }
    }

    /** {@return the completed temporary file (the caller moves or discards it)} */
    Path temp() {
        return Objects.requireNonNull(temp, "the body was never started");
    }

    /** Deletes the temporary file if it is still there. */
    void discard() {
        lock.lock();
        try {
            closed = true;
            closeQuietly();
            deleteQuietly();
        } finally {
            lock.unlock();
        }
    }

    private void failLocked(Throwable error) {
        if (closed && result.isDone()) {
            // completed already: the caller owns the file now and discards it if needed
            return;
        }
        if (error instanceof LocalFileFailure f) {
            onLocalFailure.accept(f);
        }
        closed = true;
        closeQuietly();
        deleteQuietly();
        result.completeExceptionally(error);
    }

    private void closeQuietly() {
        FileChannel c = channel;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do: the file is deleted next
            }
        }
    }

    private void deleteQuietly() {
        Path t = temp;
        if (t != null) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** A failure of the local file system (not of the download), never answered by a fallback. */
    static final class LocalFileFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        LocalFileFailure(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }
}
