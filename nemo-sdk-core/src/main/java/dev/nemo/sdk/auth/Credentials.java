package dev.nemo.sdk.auth;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the client gets its bearer token. The default is a chain: an explicit token, else the
 * {@code NEMO_TOKEN} environment variable, else a free anonymous token (100 credits, 7 days) from
 * {@code POST /api/auth/anonymous-token}.
 *
 * <p>Anonymous tokens are fetched with a stable client id ({@code X-Client-Id}): the builder's
 * {@code clientId}, else {@code NEMO_CLIENT_ID}, else a UUID persisted in
 * {@code ~/.config/nemovideo/client_id}. Renewal after expiry uses the same id.
 *
 * <p>{@link #toString()} never shows a token.
 */
public final class Credentials {

    /** How the token is obtained. */
    public enum Kind {
        /** A fixed token given by the caller. */
        EXPLICIT,
        /** {@code NEMO_TOKEN}, else anonymous. */
        DEFAULT_CHAIN,
        /** Always an anonymous token. */
        ANONYMOUS,
        /** A caller-supplied {@link TokenProvider}. */
        CUSTOM
    }

    private static final Credentials DEFAULT_CHAIN = new Credentials(Kind.DEFAULT_CHAIN, null, null);
    private static final Credentials ANONYMOUS = new Credentials(Kind.ANONYMOUS, null, null);

    private final Kind kind;
    private final @Nullable String token;
    private final @Nullable TokenProvider provider;

    private Credentials(Kind kind, @Nullable String token, @Nullable TokenProvider provider) {
        this.kind = kind;
        this.token = token;
        this.provider = provider;
    }

    /**
     * {@return credentials that always use this token}
     *
     * @param token an API token ({@code nmv_usr_…}); errors 1001 with it are raised, not renewed
     */
    public static Credentials token(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        return new Credentials(Kind.EXPLICIT, token.strip(), null);
    }

    /** {@return {@code NEMO_TOKEN} when set, else an anonymous token} */
    public static Credentials defaultChain() {
        return DEFAULT_CHAIN;
    }

    /** {@return always an anonymous token, renewed with the same client id when it expires} */
    public static Credentials anonymous() {
        return ANONYMOUS;
    }

    /**
     * {@return credentials backed by it}
     *
     * @param provider a custom provider
     */
    public static Credentials provider(TokenProvider provider) {
        return new Credentials(Kind.CUSTOM, null, Objects.requireNonNull(provider, "provider"));
    }

    /** {@return how the token is obtained} */
    public Kind kind() {
        return kind;
    }

    /** {@return the explicit token for {@link Kind#EXPLICIT}} */
    public Optional<String> explicitToken() {
        return Optional.ofNullable(token);
    }

    /** {@return the provider for {@link Kind#CUSTOM}} */
    public Optional<TokenProvider> customProvider() {
        return Optional.ofNullable(provider);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials credentials && kind == credentials.kind
                && Objects.equals(token, credentials.token) && provider == credentials.provider;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, token);
    }

    @Override
    public String toString() {
        return "Credentials{" + kind + (token == null ? "" : ", token=" + AccessToken.redact(token)) + '}';
    }
}
