/**
 * The Reactor face of the SDK: {@link dev.nemo.sdk.reactive.ReactiveNemoClient} and its per-domain
 * operations, each a cold {@code Mono} or {@code Flux} that sends nothing until subscribed.
 * Per-request overrides travel in Reactor's context ({@link dev.nemo.sdk.reactive.NemoContext}) or
 * as explicit parameters; failures are the core's typed {@link dev.nemo.sdk.error.NemoException}s.
 */
@NullMarked
package dev.nemo.sdk.reactive;

import org.jspecify.annotations.NullMarked;
