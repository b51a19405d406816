package dev.nemo.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version and the User-Agent built from it. */
public final class SdkInfo {
    private static final String VERSION = loadVersion();

    private SdkInfo() {}

    /** {@return the SDK version, for example {@code 0.1.0-SNAPSHOT}} */
    public static String version() {
        return VERSION;
    }

    /** {@return {@code nemo-sdk-java/<version> (Java <version>)}} */
    public static String userAgent() {
        return "nemo-sdk-java/" + VERSION + " (Java " + Runtime.version().feature() + "; "
                + System.getProperty("java.version", "unknown") + ")";
    }

    private static String loadVersion() {
        try (InputStream in = SdkInfo.class.getResourceAsStream("sdk.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException ignored) {
            // fall through to "unknown": a missing resource must not break the client
        }
        return "unknown";
    }
}
