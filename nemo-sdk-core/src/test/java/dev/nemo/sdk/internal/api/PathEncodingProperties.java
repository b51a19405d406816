package dev.nemo.sdk.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The one path-segment encoder: any id is one segment, never a dot segment, and decodes back. */
class PathEncodingProperties {

    @Provide
    Arbitrary<String> ids() {
        // valid UTF-16 (no lone surrogates, which an id cannot hold anyway), heavy on the troublesome characters
        Arbitrary<String> awkward =
                Arbitraries.strings().withChars("./?#%+ \\~-_").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> anyText = Arbitraries.strings()
                .withCharRange(' ', '\uD7FF')
                .ofMinLength(1)
                .ofMaxLength(40);
        Arbitrary<String> wide = Arbitraries.of("é", "中", "😀", "/", ".")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(
                        awkward,
                        anyText,
                        wide,
                        Arbitraries.strings().alpha().numeric().ofMinLength(1))
                .filter(s -> !s.isBlank() && !s.chars().allMatch(c -> c == '.'));
    }

    @Property
    void anIdIsAlwaysExactlyOneSegmentThatDecodesBack(@ForAll("ids") String id) {
        String segment = PathEncoding.segment(id, "id");

        assertThat(segment).doesNotContain("/", "?", "#", " ").isNotIn(".", "..");
        assertThat(segment).matches("[A-Za-z0-9._~%-]+");
        assertThat(URLDecoder.decode(segment, StandardCharsets.UTF_8)).isEqualTo(id);
        URI uri =
                URI.create("https://api.example.com/me/" + segment + "/latest").normalize();
        assertThat(uri.getRawPath()).isEqualTo("/me/" + segment + "/latest");
    }

    @Property
    void idsMadeOnlyOfDotsAreRefused(@ForAll @IntRange(min = 1, max = 20) int dots) {
        String id = ".".repeat(dots);
        assertThatThrownBy(() -> PathEncoding.segment(id, "sessionId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId")
                .hasMessageContaining("dots");
    }

    @Example
    void dotsInsideAnIdStayAsTheyAre() {
        assertThat(PathEncoding.segment("render_1.v2", "id")).isEqualTo("render_1.v2");
        assertThat(PathEncoding.segment("..a", "id")).isEqualTo("..a");
        assertThat(PathEncoding.segment("a/..", "id")).isEqualTo("a%2F..");
    }

    @Example
    void blankIdsAreRefused() {
        assertThatThrownBy(() -> PathEncoding.segment(" \t", "renderId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }
}
