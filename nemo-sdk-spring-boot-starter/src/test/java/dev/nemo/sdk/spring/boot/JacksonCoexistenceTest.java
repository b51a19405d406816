package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SDK's Jackson 2 beside the application's JSON: on Boot 4 the app's mapper is Jackson 3
 * ({@code tools.jackson}), on Boot 3.5 it is Jackson 2; either way the app's mapper works and the
 * SDK decodes sessions, uploads, chat streams and drafts.
 */
class JacksonCoexistenceTest {
    private final EmulatorFixture fixture = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theAppsJacksonAndTheSdksJackson2WorkSideBySide() throws Exception {
        try (ConfigurableApplicationContext ctx = TestApp.run(fixture.tokenProperties(dir))) {
            Object appMapper = ctx.getBean(appMapperType());
            Method write = appMapper.getClass().getMethod("writeValueAsString", Object.class);
            assertThat(write.invoke(appMapper, Map.of("ratio", 2))).isEqualTo("{\"ratio\":2}");

            NemoClient client = ctx.getBean(NemoClient.class);
            String sid = client.sessions().create().sessionId();
            Path gif = dir.resolve("tiny.gif");
            Files.write(gif, TinyGif.BYTES);
            client.uploads().upload(sid, gif);
            ChatResult reply = client.chat().send(sid, "compress this GIF to under 500KB");
            assertThat(reply.failure()).isEmpty();
            Draft draft = client.state().get(sid).draft().orElseThrow();
            assertThat(draft.summary()).contains("tiny.gif");
        }
    }

    /** Boot 4 apps get a Jackson 3 JsonMapper; Boot 3.5 apps a Jackson 2 ObjectMapper. */
    private static Class<?> appMapperType() throws ClassNotFoundException {
        boolean boot4 = SpringBootVersion.getVersion().startsWith("4.");
        System.out.println("Spring Boot " + SpringBootVersion.getVersion() + ": the app's mapper is "
                + (boot4 ? "Jackson 3 (tools.jackson)" : "Jackson 2 (com.fasterxml.jackson)"));
        return Class.forName(
                boot4 ? "tools.jackson.databind.json.JsonMapper" : "com.fasterxml.jackson.databind.ObjectMapper");
    }
}
