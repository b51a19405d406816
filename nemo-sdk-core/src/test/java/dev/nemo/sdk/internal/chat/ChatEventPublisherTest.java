package dev.nemo.sdk.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatEventPublisherTest {
    private static final String TEXT =
            "data: {\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"hi\"}]}}\n\n";
    private static final String PING = ": ping\r\n\r\n";

    private final FakeExchange exchange = new FakeExchange();
    private final ManualTicker ticker = new ManualTicker();

    private ChatEventPublisher publisher(ChatOptions options) {
        return new ChatEventPublisher(
                exchange,
                ChatEventPublisher.Limits.of(options),
                ErrorDetails.request("POST", "/run_sse"),
                e -> e instanceof NemoException
                        ? (NemoException) e
                        : new TransportException(
                                "cut: " + e.getMessage(),
                                ErrorDetails.request("POST", "/run_sse"),
                                e,
                                TransportException.Kind.TRUNCATED,
                                true),
                ticker,
                Runnable::run);
    }

    private ChatEventPublisher publisher() {
        return publisher(ChatOptions.defaults());
    }

    @Test
    void nothingIsSentBeforeSubscribeAndASecondSubscriberSendsNothing() {
        ChatEventPublisher p = publisher();
        assertThat(exchange.starts).hasValue(0);
        RecordingSubscriber first = new RecordingSubscriber(1);
        p.subscribe(first);
        assertThat(exchange.starts).hasValue(1);
        RecordingSubscriber second = new RecordingSubscriber(1);
        p.subscribe(second);
        assertThat(second.error).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        assertThat(exchange.starts).hasValue(1);
        assertThat(first.error).isNull();
    }

    @Test
    void demandFlowsBackToReadingTheBody() {
        RecordingSubscriber s = new RecordingSubscriber(0);
        publisher().subscribe(s);
        exchange.open();
        assertThat(exchange.bodyRequested).as("no demand, no read").hasValue(0);

        s.request(1);
        assertThat(exchange.bodyRequested).hasValue(1);
        exchange.send(TEXT.repeat(10));
        assertThat(s.events).hasSize(1);
        assertThat(exchange.bodyRequested)
                .as("nine decoded events are waiting: no more reading")
                .hasValue(0);

        s.request(8);
        assertThat(s.events).hasSize(9);
        assertThat(exchange.bodyRequested).hasValue(0);
        s.request(1);
        assertThat(s.events).hasSize(10);
        assertThat(exchange.bodyRequested)
                .as("queue drained and demand left: read the next chunk")
                .hasValue(0);
        s.request(1);
        assertThat(exchange.bodyRequested).hasValue(1);
        exchange.body.onComplete();
        assertThat(s.completed).isTrue();
    }

    @Test
    void eventsDecodedBeforeACutAreDeliveredBeforeTheTypedError() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        publisher().subscribe(s);
        exchange.open();
        exchange.send(TEXT + TEXT + "data: {\"author\":\"nemo_agent\",\"content\":{\"par");
        exchange.body.onError(new IOException("chunked transfer encoding, state: READING_LENGTH"));
        assertThat(s.events).hasSize(2);
        assertThat(s.error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) s.error).outcomeUnknown()).isTrue();
    }

    @Test
    void endOfStreamInTheMiddleOfAnEventIsATruncation() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        publisher().subscribe(s);
        exchange.open();
        exchange.send(TEXT + "data: {\"author\"");
        exchange.body.onComplete();
        assertThat(s.events).hasSize(1);
        assertThat(s.error).isInstanceOf(TransportException.class).hasMessageContaining("middle of an event");
        assertThat(((TransportException) s.error).kind()).isEqualTo(TransportException.Kind.TRUNCATED);
    }

    @Test
    void refusalBeforeTheStreamIsTheTypedError() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher().subscribe(s);
        exchange.response.completeExceptionally(
                new InsufficientCreditsException("Out of credits (code 2001)", ErrorDetails.none(), "anon_1"));
        assertThat(s.error).isInstanceOf(InsufficientCreditsException.class);
        assertThat(s.events).isEmpty();
    }

    @Test
    void noFirstByteInTimeCancelsTheExchange() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher().subscribe(s);
        ticker.advance(Duration.ofSeconds(59));
        assertThat(s.error).isNull();
        ticker.advance(Duration.ofSeconds(1));
        assertThat(s.error).isInstanceOf(StreamTimeoutException.class);
        assertThat(((StreamTimeoutException) s.error).watchdog()).isEqualTo(StreamTimeoutException.Watchdog.FIRST_BYTE);
        assertThat(exchange.response).isCancelled();
        assertThat(ticker.pending()).isZero();
    }

    @Test
    void headersWithoutABodyByteStillTripTheFirstByteWatchdog() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher().subscribe(s);
        exchange.open();
        ticker.advance(Duration.ofSeconds(61));
        assertThat(s.error).isInstanceOf(StreamTimeoutException.class);
        assertThat(exchange.bodyCancelled).isTrue();
    }

    @Test
    void onlyHeartbeatsForTheIdleLimitIsATimeoutButRealEventsKeepItAlive() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        publisher(ChatOptions.builder()
                        .request(RequestOptions.builder()
                                .timeout(Duration.ofHours(1))
                                .build())
                        .build())
                .subscribe(s);
        exchange.open();
        for (int i = 0; i < 19; i++) {
            ticker.advance(Duration.ofSeconds(30));
            exchange.send(i % 6 == 5 ? TEXT : PING);
        }
        assertThat(s.error).as("events every 3 min keep the stream alive").isNull();
        // the last text arrived at 9:00; from then on only pings, every 30 s, until 18:30
        for (int i = 0; i < 18; i++) {
            ticker.advance(Duration.ofSeconds(30));
            exchange.send(PING);
        }
        assertThat(s.error).isNull();
        ticker.advance(Duration.ofSeconds(30));
        assertThat(s.error).isInstanceOf(StreamTimeoutException.class);
        assertThat(((StreamTimeoutException) s.error).watchdog()).isEqualTo(StreamTimeoutException.Watchdog.IDLE);
        assertThat(((StreamTimeoutException) s.error).limit()).isEqualTo(Duration.ofMinutes(10));
        assertThat(exchange.bodyCancelled).isTrue();
        assertThat(s.events).filteredOn(ChatEvent::isHeartbeat).hasSizeGreaterThan(30);
    }

    @Test
    void theWholeStreamIsBoundedEvenWithRealEvents() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        publisher(ChatOptions.builder()
                        .request(RequestOptions.builder()
                                .timeout(Duration.ofMinutes(3))
                                .build())
                        .build())
                .subscribe(s);
        exchange.open();
        for (int i = 0; i < 5; i++) {
            ticker.advance(Duration.ofSeconds(30));
            exchange.send(TEXT);
        }
        ticker.advance(Duration.ofSeconds(30));
        assertThat(s.error).isInstanceOf(StreamTimeoutException.class);
        assertThat(((StreamTimeoutException) s.error).watchdog()).isEqualTo(StreamTimeoutException.Watchdog.OVERALL);
    }

    @Test
    void aConsumerWithoutDemandIsNotTheServersSilence() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher(ChatOptions.builder()
                        .request(RequestOptions.builder()
                                .timeout(Duration.ofHours(2))
                                .build())
                        .build())
                .subscribe(s);
        exchange.open();
        exchange.send(TEXT + PING);
        assertThat(s.events).hasSize(1);
        ticker.advance(Duration.ofMinutes(30));
        assertThat(s.error).as("the subscriber held the stream back").isNull();
        s.request(2);
        assertThat(s.events).hasSize(2);
        assertThat(exchange.bodyRequested).as("waiting for the server again").hasValue(1);
        ticker.advance(Duration.ofMinutes(9));
        assertThat(s.error).isNull();
        ticker.advance(Duration.ofMinutes(1));
        assertThat(s.error).isInstanceOf(StreamTimeoutException.class);
    }

    @Test
    void timeSpentInsideOnNextDoesNotCountAgainstTheServer() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        s.onEach = e -> ticker.advance(Duration.ofMinutes(4));
        publisher(ChatOptions.builder()
                        .request(RequestOptions.builder()
                                .timeout(Duration.ofHours(2))
                                .build())
                        .build())
                .subscribe(s);
        exchange.open();
        exchange.send(TEXT + PING + PING + PING);
        assertThat(s.events).hasSize(4);
        assertThat(s.error).isNull();
    }

    @Test
    void cancelDropsTheExchangeAndStopsSignals() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher().subscribe(s);
        exchange.open();
        exchange.send(TEXT + TEXT);
        s.subscription.cancel();
        assertThat(exchange.bodyCancelled).isTrue();
        s.request(5);
        assertThat(s.events).hasSize(1);
        assertThat(s.error).isNull();
        assertThat(s.completed).isFalse();
        assertThat(ticker.pending()).isZero();
    }

    @Test
    void cancelBeforeTheResponseCancelsTheRequest() {
        RecordingSubscriber s = new RecordingSubscriber(1);
        publisher().subscribe(s);
        s.subscription.cancel();
        assertThat(exchange.response).isCancelled();
        assertThat(s.error).isNull();
    }

    @Test
    void nonPositiveRequestIsAnError() {
        RecordingSubscriber s = new RecordingSubscriber(0);
        publisher().subscribe(s);
        s.request(0);
        assertThat(s.error).isInstanceOf(IllegalArgumentException.class);
        assertThat(exchange.response).isCancelled();
    }

    @Test
    void oversizedEventIsTheTypedErrorAndDropsTheConnection() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        publisher(ChatOptions.builder().maxLineBytes(1024).build()).subscribe(s);
        exchange.open();
        exchange.send(TEXT + "data: " + "x".repeat(2000));
        assertThat(s.events).hasSize(1);
        assertThat(s.error).isInstanceOf(EventTooLargeException.class);
        assertThat(exchange.bodyCancelled).isTrue();
    }

    @Test
    void aThrowingSubscriberCancelsTheStream() {
        RecordingSubscriber s = new RecordingSubscriber(Long.MAX_VALUE);
        s.onEach = e -> {
            throw new IllegalStateException("boom");
        };
        publisher().subscribe(s);
        exchange.open();
        exchange.send(TEXT + TEXT);
        assertThat(s.events).hasSize(1);
        assertThat(exchange.bodyCancelled).isTrue();
    }
}
