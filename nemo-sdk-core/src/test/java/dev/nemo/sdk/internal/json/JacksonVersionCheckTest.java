package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonVersionCheckTest {
    @Test
    void theJacksonOnTheTestClassPathIsSupported() {
        assertThatCode(JacksonVersionCheck::requireSupported).doesNotThrowAnyException();
    }

    @Test
    void olderJacksonFailsFastWithAClearMessage() {
        assertThatThrownBy(() -> JacksonVersionCheck.check(
                        "jackson-databind",
                        new Version(2, 12, 7, null, "com.fasterxml.jackson.core", "jackson-databind")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2.15.0 or newer")
                .hasMessageContaining("2.12.7")
                .hasMessageContaining("jackson-bom");
    }

    @Test
    void newerMinorVersionsPass() {
        assertThatCode(() -> JacksonVersionCheck.check("jackson-databind", new Version(2, 99, 0, null, "g", "a")))
                .doesNotThrowAnyException();
    }
}
