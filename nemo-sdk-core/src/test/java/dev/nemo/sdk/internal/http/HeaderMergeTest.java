package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers set over a call's own: the set ones win, the rest stay, and a repeated merge hands back the same map. */
class HeaderMergeTest {
    private final HeaderMerge merge = new HeaderMerge();

    @Test
    void theHeadersSetWinAndTheOthersStay() {
        Map<String, String> merged =
                merge.merge(Map.of("Accept", "application/json", "User-Agent", "old"), Map.of("User-Agent", "new"));

        assertThat(merged).isEqualTo(Map.of("Accept", "application/json", "User-Agent", "new"));
        assertThat(merge.merge(Map.of(), Map.of("A", "1"))).isEqualTo(Map.of("A", "1"));
    }

    @Test
    void theSameInputsGiveTheSameMapAndOtherInputsTheirOwn() {
        Map<String, String> base = Map.of("Accept", "application/json");
        Map<String, String> bearer = Map.of("Authorization", "Bearer one");
        Map<String, String> first = merge.merge(base, bearer);

        assertThat(merge.merge(base, bearer)).isSameAs(first);
        Map<String, String> renewed = merge.merge(base, Map.of("Authorization", "Bearer two"));
        assertThat(renewed).containsEntry("Authorization", "Bearer two").containsEntry("Accept", "application/json");
        Map<String, String> otherBase = merge.merge(Map.of("Accept", "*/*"), bearer);
        assertThat(otherBase).isEqualTo(Map.of("Accept", "*/*", "Authorization", "Bearer one"));
    }

    @Test
    void theResultCannotBeChanged() {
        Map<String, String> merged = merge.merge(Map.of("A", "1"), Map.of("B", "2"));

        assertThat(merged).isUnmodifiable();
    }
}
