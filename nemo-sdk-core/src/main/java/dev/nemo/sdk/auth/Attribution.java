package dev.nemo.sdk.auth;

import dev.nemo.sdk.internal.SdkInfo;
import dev.nemo.sdk.internal.auth.PlatformDetector;
import java.util.Objects;

/**
 * The {@code X-Skill-Source}, {@code X-Skill-Version} and {@code X-Skill-Platform} headers sent on
 * every API request. The backend uses them to recognise the integration; without them an export
 * fails with HTTP 402.
 *
 * @param source   {@code X-Skill-Source}, default {@code ai-gif-compressor}
 * @param version  {@code X-Skill-Version}, default the SDK's version
 * @param platform {@code X-Skill-Platform}: {@code clawhub}, {@code cursor} or {@code unknown} by detection
 */
public record Attribution(String source, String version, String platform) {

    /** The default {@code X-Skill-Source}. */
    public static final String DEFAULT_SOURCE = "ai-gif-compressor";

    /**
     * Validates the header values: not blank, no control characters.
     *
     * @param source   header value
     * @param version  header value
     * @param platform header value
     */
    public Attribution {
        source = headerValue(source, "source");
        version = headerValue(version, "version");
        platform = headerValue(platform, "platform");
    }

    /** {@return source {@code ai-gif-compressor}, the SDK version and the detected platform} */
    public static Attribution defaults() {
        return new Attribution(DEFAULT_SOURCE, SdkInfo.version(), PlatformDetector.detect());
    }

    /**
     * {@return a copy with that source}
     *
     * @param source new source
     */
    public Attribution withSource(String source) {
        return new Attribution(source, version, platform);
    }

    /**
     * {@return a copy with that version}
     *
     * @param version new version
     */
    public Attribution withVersion(String version) {
        return new Attribution(source, version, platform);
    }

    /**
     * {@return a copy with that platform}
     *
     * @param platform new platform
     */
    public Attribution withPlatform(String platform) {
        return new Attribution(source, version, platform);
    }

    private static String headerValue(String value, String name) {
        Objects.requireNonNull(value, name);
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("attribution " + name + " must not be blank");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("attribution " + name + " contains a control character");
            }
        }
        return v;
    }
}
