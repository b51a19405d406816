package dev.nemo.sdk.upload;

import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the server answered to an upload: the stored files and whether it added them to the
 * session's state. Immutable; the whole {@code data} object is kept in {@link #raw()}.
 */
public final class UploadResult {
    private final List<UploadedFile> files;
    private final @Nullable Boolean sessionStateApplied;
    private final JsonValue raw;

    /**
     * Creates it from its parts.
     *
     * @param files               the stored files, in the server's order
     * @param sessionStateApplied {@code session_state_applied}, or {@code null} when absent
     * @param raw                 the {@code data} object as received, or {@code null}
     */
    public UploadResult(List<UploadedFile> files, @Nullable Boolean sessionStateApplied, @Nullable JsonValue raw) {
        this.files = List.copyOf(Objects.requireNonNull(files, "files"));
        this.sessionStateApplied = sessionStateApplied;
        this.raw = raw == null ? JsonNull.INSTANCE : raw;
    }

    /** {@return the stored files ({@code data.files[]}, else {@code data.uploaded_files[]}); may be empty} */
    public List<UploadedFile> files() {
        return files;
    }

    /** {@return {@code session_state_applied}: whether the files were added to the session's media} */
    public Optional<Boolean> sessionStateApplied() {
        return Optional.ofNullable(sessionStateApplied);
    }

    /** {@return the response's {@code data} object; JSON {@code null} when there was none} */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof UploadResult x && raw.equals(x.raw) && files.equals(x.files);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "UploadResult{files=" + files + ", sessionStateApplied=" + sessionStateApplied + '}';
    }
}
