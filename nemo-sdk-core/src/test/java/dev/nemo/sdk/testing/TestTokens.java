package dev.nemo.sdk.testing;

/**
 * Tokens used by tests. Each contains {@link #MARKER}; {@link SecretLeakGuard} fails the suite if
 * the marker ever shows up in what the SDK logged.
 */
public final class TestTokens {
    /** Text that only test secrets contain. */
    public static final String MARKER = "s3cr3tT0k";
    /** An explicit token. */
    public static final String EXPLICIT = "nmv_usr_" + MARKER + "Explicit0123456789abcdef";
    /** The first anonymous token a stub hands out. */
    public static final String ANON_1 = "nmv_usr_" + MARKER + "Anon1_0123456789abcdef";
    /** The renewed anonymous token. */
    public static final String ANON_2 = "nmv_usr_" + MARKER + "Anon2_0123456789abcdef";

    private TestTokens() {}
}
