package dev.nemo.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.assistant.Intent;
import dev.nemo.sdk.auth.Attribution;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.upload.MediaSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Small public members that no larger test reaches: each does what its Javadoc says. */
class PublicApiSmallPartsTest {

    @Test
    void attributionCopiesChangeOneHeaderEach() {
        Attribution a = new Attribution("src", "1.0", "cursor");
        assertThat(a.withSource("other")).isEqualTo(new Attribution("other", "1.0", "cursor"));
        assertThat(a.withVersion("2.0")).isEqualTo(new Attribution("src", "2.0", "cursor"));
        assertThat(a.withPlatform("clawhub")).isEqualTo(new Attribution("src", "1.0", "clawhub"));
        assertThat(a).isEqualTo(new Attribution("src", "1.0", "cursor"));
    }

    @Test
    void aMediaSourceCanBeSentUnderAnotherName() {
        MediaSource source = MediaSource.of(Path.of("clip.bin"));
        MediaSource renamed = source.withFileName("clip.gif");
        assertThat(renamed.fileName()).isEqualTo("clip.gif");
        assertThat(renamed.file()).isEqualTo(source.file());
        assertThat(source.fileName()).isEqualTo("clip.bin");
    }

    @Test
    void onlyChatGoesToTheAgent() {
        assertThat(Intent.values()).filteredOn(Intent::isChat).containsExactly(Intent.CHAT);
    }

    @Test
    void credentialsAreOneOfFourKindsAndNeverShowAToken() {
        Credentials token = Credentials.token("  " + TestTokens.EXPLICIT + " ");
        assertThat(token)
                .isInstanceOfSatisfying(
                        Credentials.Token.class, t -> assertThat(t.value()).isEqualTo(TestTokens.EXPLICIT));
        assertThat(token).isEqualTo(Credentials.token(TestTokens.EXPLICIT));
        assertThat(token.toString()).doesNotContain(TestTokens.MARKER);
        assertThat(Credentials.defaultChain())
                .isInstanceOf(Credentials.DefaultChain.class)
                .isSameAs(Credentials.defaultChain());
        assertThat(Credentials.anonymous()).isInstanceOf(Credentials.Anonymous.class);
        assertThat(Credentials.class.isSealed()).isTrue();
        assertThat(Credentials.class.getPermittedSubclasses()).hasSize(4);
        assertThatThrownBy(() -> Credentials.token(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.provider(null)).isInstanceOf(NullPointerException.class);
    }
}
