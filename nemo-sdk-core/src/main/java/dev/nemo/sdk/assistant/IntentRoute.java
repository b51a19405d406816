package dev.nemo.sdk.assistant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The routing decision for one message: the {@link Intent}, the words that decided it, and the
 * files the message refers to. Immutable.
 */
public final class IntentRoute {
    private final Intent intent;
    private final @Nullable String trigger;
    private final List<String> fileReferences;

    /**
     * Creates it from its parts.
     *
     * @param intent         the decision
     * @param trigger        the text that decided it, or {@code null}
     * @param fileReferences paths, URLs and file names with a media extension, as written
     */
    public IntentRoute(Intent intent, @Nullable String trigger, List<String> fileReferences) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.trigger = trigger;
        this.fileReferences = List.copyOf(fileReferences);
    }

    /** {@return where the message goes} */
    public Intent intent() {
        return intent;
    }

    /** {@return the keyword or phrase that decided a non-chat route (for example {@code export}, {@code 积分})} */
    public Optional<String> trigger() {
        return Optional.ofNullable(trigger);
    }

    /**
     * {@return media the message refers to, as written: local paths and file names (upload them with {@code MediaSource.of(Path)}) and http(s) URLs (upload them with {@code uploadUrls}); may be non-empty for any intent}
     */
    public List<String> fileReferences() {
        return fileReferences;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IntentRoute x && intent == x.intent
                && Objects.equals(trigger, x.trigger)
                && fileReferences.equals(x.fileReferences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent, trigger, fileReferences);
    }

    @Override
    public String toString() {
        return intent + (trigger == null ? "" : " (" + trigger + ")")
                + (fileReferences.isEmpty() ? "" : " files=" + fileReferences);
    }
}
