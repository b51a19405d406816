package dev.nemo.sdk.examples.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chromium and chromedriver from the system packages ({@code apt-get install chromium chromium-driver}),
 * or from {@code CHROME_BIN}/{@code CHROMEDRIVER}; Selenium Manager never downloads a browser here.
 */
final class HeadlessChromium {
    private static final List<String> BROWSERS =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {}

    /** @return why no browser test can run here, or empty when Chromium and chromedriver are installed */
    static Optional<String> missing() {
        if (browser().isEmpty()) {
            return Optional.of("no Chromium found (CHROME_BIN, " + BROWSERS + ")");
        }
        if (driver().isEmpty()) {
            return Optional.of("no chromedriver found (CHROMEDRIVER, " + DRIVERS + ")");
        }
        return Optional.empty();
    }

    /**
     * @param downloads where the browser saves downloads
     * @param profile   a fresh user-data directory
     * @return a headless Chromium
     */
    static ChromeDriver start(Path downloads, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> browser() {
        return find("CHROME_BIN", BROWSERS);
    }

    private static Optional<Path> driver() {
        return find("CHROMEDRIVER", DRIVERS);
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * @param dir a download directory
     * @return the finished download in it, if there is one
     */
    static Optional<Path> finishedDownload(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
