package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ChatTest extends ReactiveWireMockTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final ChatOptions STREAMING =
            ChatOptions.builder().streaming(true).stateCheck(false).build();
    private static final ChatOptions NO_STATE =
            ChatOptions.builder().stateCheck(false).build();

    /** The chat helper's recordings in core's test resources (see core's {@code Transcripts}). */
    static List<String> transcripts() {
        return List.of(
                "adk-java-tool-text",
                "adk-java-silent",
                "adk-java-safety",
                "adk-python-error-tail",
                "adk-python-error-details",
                "gateway-extras",
                "mixed-line-endings");
    }

    static byte[] transcript(String name) {
        return resource("/transcripts/" + name + ".sse");
    }

    static long expectedEventCount(String name) {
        return new String(resource("/transcripts/" + name + ".events.txt"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    private static byte[] resource(String path) {
        try (java.io.InputStream in = ChatTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void serve(byte[] sse) {
        wm.stubFor(post("/run_sse")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(sse)));
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void everyTranscriptStreamsExactlyTheCoresEvents(String name) {
        serve(transcript(name));

        List<ChatEvent> events = reactive.chat().stream(Stubs.SESSION_ID, "go", STREAMING)
                .collectList()
                .block(HANG_GUARD);
        List<ChatEvent> blocking = core.chat()
                .send(Stubs.SESSION_ID, "go", STREAMING, ChatListener.none())
                .events();

        assertThat(events).hasSize((int) expectedEventCount(name)).isEqualTo(blocking);
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void sendsOnSubscribeAndRefusesASecondSubscription() {
        serve(transcript("adk-java-tool-text"));
        Flux<ChatEvent> chat = reactive.chat().stream(Stubs.SESSION_ID, "add a title", STREAMING);
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(chat).expectNextCount(6).expectComplete().verify(HANG_GUARD);
        StepVerifier.create(chat)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("sends its message once"))
                .verify(HANG_GUARD);
        StepVerifier.create(chat.retry(3))
                .expectError(IllegalStateException.class)
                .verify(HANG_GUARD);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void withoutChatOptionsTheContextsRequestOptionsGoWithTheMessageWhichIsStillSentOnce() {
        serve(transcript("adk-java-tool-text"));
        RequestOptions traced =
                RequestOptions.builder().header("X-Request-Id", "chat-3").build();
        Flux<ChatEvent> chat =
                reactive.chat().stream(Stubs.SESSION_ID, "add a title").contextWrite(NemoContext.withOptions(traced));

        StepVerifier.create(chat).expectNextCount(6).expectComplete().verify(HANG_GUARD);
        StepVerifier.create(chat).expectError(IllegalStateException.class).verify(HANG_GUARD);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")).withHeader("X-Request-Id", equalTo("chat-3")));
    }

    @Test
    void aRefusalIsTheTypedErrorAndRetryDoesNotResend() {
        wm.stubFor(post("/run_sse").willReturn(Stubs.code(2001)));

        StepVerifier.create(reactive.chat().stream(Stubs.SESSION_ID, "go", NO_STATE))
                .expectError(InsufficientCreditsException.class)
                .verify(HANG_GUARD);
        Mono<List<ChatEvent>> retried = reactive.chat().stream(Stubs.SESSION_ID, "go", NO_STATE)
                .retry(2)
                .collectList();
        StepVerifier.create(retried).expectError(IllegalStateException.class).verify(HANG_GUARD);
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void sendReturnsTheWholeResultOnce() {
        serve(transcript("adk-java-tool-text"));
        Mono<ChatResult> send = reactive.chat().send(Stubs.SESSION_ID, "add a title", NO_STATE);
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(send)
                .assertNext(r -> {
                    assertThat(r.text()).isEqualTo("Title 'Urban Dreams' added \uD83C\uDFB5 (0-3s).");
                    assertThat(r.toolCalls())
                            .extracting(ChatEvent.ToolCall::name)
                            .containsExactly("edit_multitrack");
                    assertThat(r.end().closedByServer()).isTrue();
                })
                .expectComplete()
                .verify(HANG_GUARD);
        StepVerifier.create(send).expectError(IllegalStateException.class).verify(HANG_GUARD);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void aSlowSubscriberHoldsTheStreamBackWithLimitRate() throws InterruptedException {
        int total = 400;
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < total; i++) {
            sse.append("data:{\"author\":\"nemo_agent\",\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"t")
                    .append(i)
                    .append("\"}]}}\n\n");
        }
        serve(sse.toString().getBytes(StandardCharsets.UTF_8));
        AtomicLong requested = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        AtomicLong largestRequest = new AtomicLong();
        AtomicLong overDelivered = new AtomicLong();
        Flux<String> texts = reactive.chat().stream(Stubs.SESSION_ID, "go", NO_STATE)
                // what the core publisher is asked for, and what it hands over
                .doOnRequest(n -> {
                    requested.addAndGet(n);
                    largestRequest.accumulateAndGet(n, Math::max);
                })
                .doOnNext(e -> {
                    if (delivered.incrementAndGet() > requested.get()) {
                        overDelivered.incrementAndGet();
                    }
                })
                .limitRate(2)
                .ofType(ChatEvent.AgentText.class)
                .map(ChatEvent.AgentText::text);

        // a slow subscriber: it asks for the next event only after the test thread consumed the last
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        BaseSubscriber<String> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            protected void hookOnNext(String text) {
                received.add(text);
            }

            @Override
            protected void hookOnComplete() {
                received.add(Boolean.TRUE);
            }

            @Override
            protected void hookOnError(Throwable t) {
                received.add(t);
            }
        };
        texts.subscribe(slow);
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Object next = received.poll(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            seen.add(next);
            // the subscriber has taken i + 1 events; limitRate(2) may hold at most 2 more
            assertThat(delivered.get())
                    .as("events taken from the stream ahead of the subscriber")
                    .isLessThanOrEqualTo(i + 3L);
            slow.request(1);
        }
        assertThat(received.poll(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Boolean.TRUE);
        assertThat(seen).hasSize(total).first().isEqualTo("t0");
        assertThat(seen.get(total - 1)).isEqualTo("t" + (total - 1));
        assertThat(largestRequest.get()).isLessThanOrEqualTo(2);
        assertThat(overDelivered.get()).isZero();
    }

    @Test
    void cancellingClosesTheHttpExchange() throws Exception {
        String event =
                "data:{\"author\":\"nemo_agent\",\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"first\"}]}}\n\n";
        try (SilentServer server = new SilentServer("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                        + "Connection: close\r\n\r\n" + event);
                NemoClient silent = NemoClient.builder()
                        .baseUrl(server.baseUrl())
                        .environment(Map.of())
                        .configDirectory(dir)
                        .token(TestTokens.EXPLICIT)
                        .retryPolicy(RetryPolicy.none())
                        .build();
                ReactiveNemoClient r = ReactiveNemoClient.create(silent)) {
            StepVerifier.create(
                            r.chat().stream(Stubs.SESSION_ID, "go", NO_STATE).take(1))
                    .assertNext(
                            e -> assertThat(((ChatEvent.AgentText) e).text()).isEqualTo("first"))
                    .expectComplete()
                    .verify(HANG_GUARD);
            assertThat(server.closedByClient.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                    .as("connection closed by the client")
                    .isTrue();
        }
    }
}
