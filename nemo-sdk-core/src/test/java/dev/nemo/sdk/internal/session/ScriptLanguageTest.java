package dev.nemo.sdk.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptLanguageTest {

    @Test
    void theScriptWithTheMostLettersWins() {
        assertThat(ScriptLanguage.detect("Привет, мир")).hasValue("ru");
        assertThat(ScriptLanguage.detect("make the video about мир")).hasValue("en");
        assertThat(ScriptLanguage.detect("안녕하세요 при")).hasValue("ko");
        assertThat(ScriptLanguage.detect("剪一个视频 cut")).hasValue("zh");
        assertThat(ScriptLanguage.detect("ビデオを作って")).hasValue("ja");
        assertThat(ScriptLanguage.detect("नमस्ते दुनिया")).hasValue("hi");
    }

    @Test
    void aTieBetweenOtherScriptsGoesToTheOneListedFirst() {
        assertThat(ScriptLanguage.detect("안녕 пр")).hasValue("ko");
        assertThat(ScriptLanguage.detect("пр αβ")).hasValue("ru");
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertThat(ScriptLanguage.detect("123 !?")).isEmpty();
        assertThat(ScriptLanguage.detectOrDefault(null)).isNotBlank();
        assertThat(ScriptLanguage.detectOrDefault("Γειά σου")).isEqualTo("el");
    }
}
