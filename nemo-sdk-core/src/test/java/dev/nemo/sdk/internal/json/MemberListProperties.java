package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Members added to a {@link MemberList} are kept as a {@link LinkedHashMap} keeps them, and an object
 * that keeps the list as its members shows them as an object that copied them does.
 */
class MemberListProperties {

    @Property(tries = 500)
    void keepsMembersAsALinkedHashMapDoes(@ForAll("keys") List<String> keys) {
        MemberList list = new MemberList();
        Map<String, JsonValue> expected = new LinkedHashMap<>();
        fill(keys, list, expected);
        List<String> walked = new ArrayList<>();
        list.forEach((k, v) -> walked.add(k + "=" + v));
        List<String> want = new ArrayList<>();
        expected.forEach((k, v) -> want.add(k + "=" + v));
        assertThat(walked).isEqualTo(want);
        assertThat(new ArrayList<>(list.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(list).isEqualTo(expected).hasSize(expected.size());
    }

    @Property(tries = 300)
    void anObjectKeepingTheListShowsItsMembersAsACopyingOneDoes(
            @ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes) {
        MemberList list = new MemberList();
        Map<String, JsonValue> added = new LinkedHashMap<>();
        fill(keys, list, added);
        JsonObject kept = new JsonObject(list);
        JsonObject copied = new JsonObject(added);

        assertThat(kept).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThat(copied).isEqualTo(kept);
        assertThat(kept.toJson()).isEqualTo(copied.toJson());
        Map<String, JsonValue> m = kept.members();
        Map<String, JsonValue> c = copied.members();
        assertThat(m).isEqualTo(c).hasSameHashCodeAs(c).hasToString(c.toString());
        assertThat(c).isEqualTo(m);
        assertThat(m.isEmpty()).isEqualTo(c.isEmpty());
        assertThat(new ArrayList<>(m.keySet())).isEqualTo(new ArrayList<>(c.keySet()));
        assertThat(new ArrayList<>(m.values())).isEqualTo(new ArrayList<>(c.values()));
        assertThat(m.keySet().stream().collect(Collectors.toList()))
                .isEqualTo(c.keySet().stream().collect(Collectors.toList()));
        assertThat(m.entrySet().spliterator().hasCharacteristics(Spliterator.ORDERED))
                .isTrue();
        assertThat(m.keySet()).isEqualTo(c.keySet());
        assertThat(m.entrySet()).isEqualTo(c.entrySet());
        for (String p : probes) {
            assertThat(m.get(p)).isEqualTo(c.get(p));
            assertThat(m.containsKey(p)).isEqualTo(c.containsKey(p));
            assertThat(m.keySet().contains(p)).isEqualTo(c.keySet().contains(p));
            assertThat(kept.get(p)).isEqualTo(copied.get(p));
        }
        assertThat(m.get(null)).isNull();
        assertThat(m.containsKey(null)).isFalse();
    }

    @Property(tries = 100)
    void everyChangeToTheKeptMembersFailsAsOnTheCopy(@ForAll("keys") List<String> keys) {
        MemberList list = new MemberList();
        fill(keys, list, new LinkedHashMap<>());
        Map<String, JsonValue> m = new JsonObject(list).members();
        String absent = "not a key";
        JsonValue v = JsonValue.of(1);
        List<Consumer<Map<String, JsonValue>>> changes = List.of(
                x -> x.put(absent, v),
                x -> x.remove(absent),
                x -> x.remove(absent, v),
                x -> x.putAll(Map.of(absent, v)),
                x -> x.putAll(Map.of()),
                x -> x.clear(),
                x -> x.replaceAll((k, old) -> old),
                x -> x.putIfAbsent(absent, v),
                x -> x.replace(absent, v),
                x -> x.replace(absent, v, v),
                x -> x.computeIfAbsent(absent, k -> v),
                x -> x.computeIfPresent(absent, (k, old) -> v),
                x -> x.compute(absent, (k, old) -> v),
                x -> x.merge(absent, v, (a, b) -> b),
                x -> x.keySet().remove(absent),
                x -> x.keySet().clear(),
                x -> x.keySet().removeIf(k -> true),
                x -> x.values().remove(v),
                x -> x.values().clear(),
                x -> x.entrySet().clear(),
                x -> x.entrySet().removeIf(e -> true),
                x -> x.entrySet().iterator().remove());
        for (Consumer<Map<String, JsonValue>> change : changes) {
            assertThatThrownBy(() -> change.accept(m)).isInstanceOf(UnsupportedOperationException.class);
        }
        if (!m.isEmpty()) {
            assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(v))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private static void fill(List<String> keys, MemberList list, Map<String, JsonValue> map) {
        for (int i = 0; i < keys.size(); i++) {
            list.add(keys.get(i), JsonValue.of(i));
            map.put(keys.get(i), JsonValue.of(i));
        }
    }

    @Provide
    Arbitrary<List<String>> keys() {
        // few distinct names, so that keys repeat; lists long enough to pass the scanning limit
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrst")
                .ofMinLength(1)
                .ofMaxLength(2)
                .list()
                .ofMaxSize(40);
    }
}
