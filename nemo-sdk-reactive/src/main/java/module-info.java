/**
 * Reactor adapters over the NemoVideo core client: {@link dev.nemo.sdk.reactive.ReactiveNemoClient}
 * turns every core operation into a lazy {@code Mono} or {@code Flux}. The protocol (requests,
 * envelopes, typed errors, retries, token renewal, SSE) stays in {@code dev.nemo.sdk}.
 */
module dev.nemo.sdk.reactive {
    requires transitive dev.nemo.sdk;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires org.slf4j;

    exports dev.nemo.sdk.reactive;
}
