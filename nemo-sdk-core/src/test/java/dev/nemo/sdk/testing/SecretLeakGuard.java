package dev.nemo.sdk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (JUnit extension auto-detection): after each class it scans the
 * SLF4J log file of the suite ({@code org.slf4j.simpleLogger.logFile}) and fails if any test token
 * was logged.
 */
public final class SecretLeakGuard implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null || file.equals("System.err") || file.equals("System.out")) {
            return;
        }
        Path log = Paths.get(file);
        if (!Files.exists(log)) {
            return;
        }
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        int at = text.indexOf(TestTokens.MARKER);
        if (at >= 0) {
            int from = Math.max(0, text.lastIndexOf('\n', at) + 1);
            int to = text.indexOf('\n', at);
            throw new AssertionError("A test token was logged (after " + context.getDisplayName() + "): "
                    + text.substring(from, to < 0 ? text.length() : to).replace(TestTokens.MARKER, "<MARKER>"));
        }
    }
}
