package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import java.util.Objects;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Per-request overrides carried by Reactor's {@link Context}. Operations called without explicit
 * {@link RequestOptions} read them from the subscriber's context; explicit options win.
 *
 * <pre>{@code
 * reactive.credits().balance()
 *         .contextWrite(NemoContext.withOptions(RequestOptions.builder()
 *                 .timeout(Duration.ofSeconds(5)).build()));
 * }</pre>
 */
public final class NemoContext {
    private static final String OPTIONS_KEY = NemoContext.class.getName() + ".requestOptions";

    private NemoContext() {
    }

    /**
     * {@return a context modifier for {@code contextWrite}}
     *
     * @param options the overrides for every SDK operation upstream of {@code contextWrite}
     */
    public static Function<Context, Context> withOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options");
        return context -> context.put(OPTIONS_KEY, options);
    }

    /**
     * {@return the overrides it carries, or {@link RequestOptions#none()}}
     *
     * @param context a subscriber's context
     */
    public static RequestOptions options(ContextView context) {
        return context.<RequestOptions>getOrEmpty(OPTIONS_KEY).orElse(RequestOptions.none());
    }
}
