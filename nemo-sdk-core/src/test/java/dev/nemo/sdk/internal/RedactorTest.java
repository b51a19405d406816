package dev.nemo.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.util.Redactor;
import dev.nemo.sdk.testing.TestTokens;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void removesTokensInEveryForm() {
        String text = "Authorization: Bearer " + TestTokens.EXPLICIT + " {\"token\":\"abc\",\"claim_token\":\"clm_x\"} "
                + "see " + TestTokens.ANON_1 + " and clm_secret123";
        String out = Redactor.redact(text);
        assertThat(out)
                .doesNotContain(TestTokens.MARKER)
                .doesNotContain("abc")
                .doesNotContain("secret123")
                .contains("Bearer ***")
                .contains("\"token\":\"***\"");
    }

    @Test
    void excerptIsShortSingleLineAndRedacted() {
        byte[] body = ("{\n \"token\": \"" + TestTokens.ANON_1 + "\",\n" + "x".repeat(1000) + "}").getBytes();
        String e = Redactor.excerpt(body, 100);
        assertThat(e).hasSizeLessThanOrEqualTo(101).doesNotContain("\n").doesNotContain(TestTokens.MARKER);
        assertThat(Redactor.excerpt(new byte[0], 10)).isNull();
    }
}
