package dev.nemo.sdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample app in a real headless Chromium: drop the corpus GIF, pick the "under 500 KB" preset,
 * follow the progress, download the result. Runs against the embedded emulator with the FFmpeg
 * media engine, so the download is a real compressed MP4.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "examples.embedded-poll-interval=50ms")
class CompressorBrowserTest {
    private static final String GIF = "/corpus/dancing-banana.gif";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private WebDriver browser;

    @BeforeAll
    static void needsABrowser() {
        Optional<String> missing = HeadlessChromium.missing();
        missing.ifPresent(why -> System.out.println("SKIPPED CompressorBrowserTest: " + why
                + ". Install one with: apt-get install -y chromium chromium-driver (.ci/run does)"));
        Assumptions.assumeTrue(missing.isEmpty(), () -> "no headless browser: " + missing.orElse(""));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDroppedGifComesBackAsASmallerMp4() throws Exception {
        Path input = dir.resolve("dancing-banana.gif");
        try (InputStream in = CompressorBrowserTest.class.getResourceAsStream(GIF)) {
            Files.copy(in, input);
        }
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        browser = HeadlessChromium.start(downloads, Files.createDirectories(dir.resolve("profile")));
        browser.get("http://localhost:" + port + "/");

        browser.findElement(By.id("file")).sendKeys(input.toString());
        browser.findElement(By.cssSelector("button.preset[data-format='mp4']")).click();
        assertThat(browser.findElement(By.id("instruction")).getDomProperty("value"))
                .isEqualTo("compress this GIF to under 500KB");
        browser.findElement(By.id("start")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
        wait.until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("result")),
                ExpectedConditions.visibilityOfElementLocated(By.id("error"))));
        assertThat(browser.findElement(By.id("error")).isDisplayed())
                .as("error: %s", browser.findElement(By.id("error")).getText())
                .isFalse();

        String log = browser.findElement(By.id("log")).getText();
        assertThat(log)
                .contains("Uploaded dancing-banana.gif")
                .contains("You: compress this GIF to under 500KB")
                .contains("Done:");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("smaller");

        browser.findElement(By.id("download")).click();
        Path file = new WebDriverWait(browser, Duration.ofMinutes(1))
                .until(d -> HeadlessChromium.finishedDownload(downloads).orElse(null));
        byte[] bytes = Files.readAllBytes(file);
        System.out.println("Downloaded " + file.getFileName() + ": " + bytes.length + " bytes from " + Files.size(input)
                + " (page says: " + browser.findElement(By.id("summary")).getText() + ")");
        assertThat((long) bytes.length).isPositive().isLessThan(Files.size(input));
        assertThat(new String(Arrays.copyOfRange(bytes, 4, 8), StandardCharsets.US_ASCII))
                .as("an MP4 (ISO BMFF) file starts with an ftyp box")
                .isEqualTo("ftyp");
    }
}
