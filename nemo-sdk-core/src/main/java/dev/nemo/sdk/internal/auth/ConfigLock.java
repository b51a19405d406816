package dev.nemo.sdk.internal.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises the read-modify-write of the files in the config folder ({@code client_id},
 * {@code anonymous-token.json}) between processes, with an OS file lock on {@code .lock} in that
 * folder, and between threads of this process (a JVM may hold one lock per file). Where the file
 * system has no locks, the work runs unlocked (each file is still replaced atomically).
 */
final class ConfigLock {
    static final String FILE_NAME = ".lock";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLock.class);
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    /** Work on the config files that may throw {@link IOException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private ConfigLock() {
    }

    /**
     * {@return what {@code work} returned}
     *
     * @param configDir the folder (created when missing)
     * @param work      what to do while no other process or thread does the same
     * @param <T>       the result
     * @throws IOException from {@code work}, or when the folder cannot be created
     */
    static <T> T holding(Path configDir, Work<T> work) throws IOException {
        Files.createDirectories(configDir);
        IN_PROCESS.lock();
        try (FileChannel channel = open(configDir.resolve(FILE_NAME))) {
            FileLock lock = lock(channel);
            try {
                return work.run();
            } finally {
                if (lock != null) {
                    lock.release();
                }
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /**
     * Replaces {@code file} with {@code content}: written owner-only to a temporary file in the same
     * folder, then moved into place (atomically where the file system can), so a reader never sees
     * half a file.
     *
     * @param file    the file
     * @param content its new bytes
     * @throws IOException when it cannot be written
     */
    static void replace(Path file, byte[] content) throws IOException {
        Path dir = Objects.requireNonNull(file.getParent(), "a config file is inside the config folder");
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", ownerOnly(dir));
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static @Nullable FileChannel open(Path file) {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, options, new FileAttribute<?>[0]);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("no lock file in {} ({}); writing unlocked", file.getParent(), e.getClass().getSimpleName());
            return null;
        }
    }

    private static @Nullable FileLock lock(@Nullable FileChannel channel) {
        if (channel == null) {
            return null;
        }
        try {
            return channel.lock();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("the file system refused a lock ({}); writing unlocked", e.getClass().getSimpleName());
            return null;
        }
    }
}
