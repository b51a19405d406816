package dev.nemo.sdk.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpareBufferTest {

    @BeforeEach
    void empty() {
        while (SpareBuffer.take(0) != null) {
            // drain what earlier tests left
        }
    }

    @Test
    void givesBackWhatWasGivenOnlyToOneTaker() {
        byte[] a = new byte[100];
        SpareBuffer.give(a);
        assertThat(SpareBuffer.take(100)).isSameAs(a);
        assertThat(SpareBuffer.take(1)).isNull();
    }

    @Test
    void aSpareTooSmallIsKeptForSomeoneElse() {
        byte[] a = new byte[100];
        SpareBuffer.give(a);
        assertThat(SpareBuffer.take(101)).isNull();
        assertThat(SpareBuffer.take(50)).isSameAs(a);
    }

    @Test
    void theLargerOfTwoSparesIsKept() {
        byte[] small = new byte[10];
        byte[] large = new byte[20];
        SpareBuffer.give(large);
        SpareBuffer.give(small);
        assertThat(SpareBuffer.take(1)).isSameAs(large);
        SpareBuffer.give(small);
        SpareBuffer.give(large);
        assertThat(SpareBuffer.take(1)).isSameAs(large);
    }

    @Test
    void hugeArraysAreNotKept() {
        SpareBuffer.give(new byte[SpareBuffer.MAX_KEPT + 1]);
        assertThat(SpareBuffer.take(0)).isNull();
    }
}
