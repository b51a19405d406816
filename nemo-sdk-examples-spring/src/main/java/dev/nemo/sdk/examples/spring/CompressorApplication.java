package dev.nemo.sdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web app that embeds the SDK the way a product would: a page to drop a GIF (or MP4, WebM,
 * APNG), an instruction, live progress over server-sent events, and the result to download. The
 * {@code NemoClient} comes from the starter; without {@code NEMO_API_URL} (or {@code nemo.base-url})
 * an embedded emulator serves the API.
 */
@SpringBootApplication
public class CompressorApplication {

    /** Creates the application; Spring calls it. */
    public CompressorApplication() {}

    /** @param args Spring Boot arguments, for example {@code --server.port=9090} */
    public static void main(String[] args) {
        SpringApplication.run(CompressorApplication.class, args);
    }
}
