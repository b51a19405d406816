package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryAfterProperties {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Property
    void delaySecondsParse(@ForAll @IntRange(min = 0, max = 86_400) int seconds) {
        assertThat(RetryAfter.parse(String.valueOf(seconds), CLOCK)).hasValue(Duration.ofSeconds(seconds));
        assertThat(RetryAfter.parse("  " + seconds + " ", CLOCK)).hasValue(Duration.ofSeconds(seconds));
    }

    @Property
    void httpDatesBecomeTheDelayFromNow(@ForAll @LongRange(min = -10_000, max = 86_400) long offset) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                NOW.plusSeconds(offset).atOffset(ZoneOffset.UTC));
        Duration expected = offset < 0 ? Duration.ZERO : Duration.ofSeconds(offset);

        assertThat(RetryAfter.parse(date, CLOCK)).hasValue(expected);
    }

    @Property
    void anythingElseIsEmptyOrBoundedNeverAnException(@ForAll String header) {
        RetryAfter.parse(header, CLOCK).ifPresent(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofDays(1)));
    }

    @Example
    void hugeValuesAreCappedAndGarbageIgnored() {
        assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).hasValue(Duration.ofDays(1));
        assertThat(RetryAfter.parse("-5", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", CLOCK)).hasValue(Duration.ofSeconds(30));
    }
}
