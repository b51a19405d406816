package dev.nemo.sdk.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server answered to an upload: the stored files and whether it added them to the
 * session's state. Immutable; the whole {@code data} object is kept in {@link #raw()}.
 */
public final class UploadResult {
    private final List<UploadedFile> files;
    private final Boolean sessionStateApplied;
    private final JsonNode raw;

    /**
     * Creates it from its parts.
     *
     * @param files               the stored files, in the server's order
     * @param sessionStateApplied {@code session_state_applied}, or {@code null} when absent
     * @param raw                 the {@code data} object as received (copied), or {@code null}
     */
    public UploadResult(List<UploadedFile> files, Boolean sessionStateApplied, JsonNode raw) {
        this.files = List.copyOf(Objects.requireNonNull(files, "files"));
        this.sessionStateApplied = sessionStateApplied;
        this.raw = raw == null ? MissingNode.getInstance() : raw.deepCopy();
    }

    /** {@return the stored files ({@code data.files[]}, else {@code data.uploaded_files[]}); may be empty} */
    public List<UploadedFile> files() {
        return files;
    }

    /** {@return {@code session_state_applied}: whether the files were added to the session's media} */
    public Optional<Boolean> sessionStateApplied() {
        return Optional.ofNullable(sessionStateApplied);
    }

    /** {@return a copy of the response's {@code data} object} */
    public JsonNode raw() {
        return raw.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadResult uploadResult && raw.equals(uploadResult.raw) && files.equals(uploadResult.files);
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
