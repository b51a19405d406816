package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Members added to a {@link MemberList} are kept as a {@link LinkedHashMap} keeps them. */
class MemberListProperties {

    @Property(tries = 500)
    void keepsMembersAsALinkedHashMapDoes(@ForAll("keys") List<String> keys) {
        MemberList list = new MemberList();
        Map<String, JsonValue> expected = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            list.add(keys.get(i), JsonValue.of(i));
            expected.put(keys.get(i), JsonValue.of(i));
        }
        List<String> walked = new ArrayList<>();
        list.forEach((k, v) -> walked.add(k + "=" + v));
        List<String> want = new ArrayList<>();
        expected.forEach((k, v) -> want.add(k + "=" + v));
        assertThat(walked).isEqualTo(want);
        assertThat(new ArrayList<>(list.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(list).isEqualTo(expected).hasSize(expected.size());
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
