package dev.nemo.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A number made from a {@link BigDecimal} is the number made from its text, in every way that shows. */
class JsonNumberProperties {

    @Provide
    Arbitrary<String> numbers() {
        return JsonValueGenerators.numberTexts();
    }

    @Property(tries = 1000)
    void madeFromADecimalItIsTheNumberOfItsText(@ForAll("numbers") String text, @ForAll boolean hashFirst) {
        BigDecimal d = decimal(text);
        Assume.that(d != null);
        JsonNumber fromDecimal = JsonNumber.of(d);
        JsonNumber fromText = JsonNumber.of(d.toString());
        if (hashFirst) {
            assertThat(fromDecimal.hashCode()).isEqualTo(fromText.hashCode());
        }
        assertThat(fromDecimal).isEqualTo(fromText);
        assertThat(fromText).isEqualTo(fromDecimal);
        assertThat(fromDecimal.hashCode()).isEqualTo(fromText.hashCode());
        assertThat(fromDecimal.text()).isEqualTo(fromText.text());
        assertThat(fromDecimal.isIntegral()).isEqualTo(fromText.isIntegral());
        assertThat(fromDecimal.asBigDecimal())
                .isEqualTo(fromText.asBigDecimal())
                .isEqualTo(d);
        assertThat(fromDecimal.asDouble()).isEqualTo(fromText.asDouble());
        assertThat(JsonNumber.of(text).equals(fromDecimal))
                .isEqualTo(JsonNumber.of(text).equals(fromText));
    }

    @Property(tries = 1000)
    void equalityAndHashDoNotDependOnWhichIsAskedFirst(@ForAll("numbers") String a, @ForAll("numbers") String b) {
        JsonNumber x = JsonNumber.of(a);
        JsonNumber y = JsonNumber.of(b);
        int hx = x.hashCode();
        boolean same = x.equals(y);
        JsonNumber x2 = JsonNumber.of(a);
        JsonNumber y2 = JsonNumber.of(b);
        assertThat(y2.equals(x2)).isEqualTo(same);
        assertThat(x2.hashCode()).isEqualTo(hx);
        if (same) {
            assertThat(y.hashCode()).isEqualTo(hx);
        }
    }

    @Example
    void aSubclassOfBigDecimalIsNotKept() {
        BigDecimal odd = new BigDecimal(BigInteger.valueOf(15), 1) {
            private static final long serialVersionUID = 1L;
        };
        JsonNumber n = JsonNumber.of(odd);
        assertThat(n.asBigDecimal()).isEqualTo(new BigDecimal("1.5")).isNotSameAs(odd);
        assertThat(n.asBigDecimal().getClass()).isEqualTo(BigDecimal.class);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
