package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.Version;

/** Fails fast, with a clear message, when the class path carries a Jackson older than the SDK supports. */
public final class JacksonVersionCheck {
    /** The oldest jackson-databind the SDK is tested with (the {@code jackson-oldest} build profile). */
    public static final Version OLDEST_SUPPORTED = new Version(2, 15, 0, null, "com.fasterxml.jackson.core",
            "jackson-databind");

    private JacksonVersionCheck() {
    }

    /**
     * Fails when jackson-databind or jackson-core on the class path is older than supported.
     *
     * @throws IllegalStateException when jackson-databind or jackson-core is older than supported
     */
    public static void requireSupported() {
        check("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        check("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    }

    /**
     * Fails when a Jackson artifact is older than the oldest supported version.
     *
     * @param artifact artifact name for the message
     * @param found    version found on the class path
     * @throws IllegalStateException when {@code found} is older than supported
     */
    public static void check(String artifact, Version found) {
        if (found == null || found.isUnknownVersion()) {
            return;
        }
        if (found.getMajorVersion() != 2 || found.getMinorVersion() < OLDEST_SUPPORTED.getMinorVersion()) {
            throw new IllegalStateException("nemo-sdk-java needs " + artifact + " 2." + OLDEST_SUPPORTED.getMinorVersion()
                    + ".0 or newer (2.x) but found " + found + " on the class path; align your Jackson version, "
                    + "for example by importing com.fasterxml.jackson:jackson-bom");
        }
    }
}
