package dev.nemo.sdk.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the client gets its bearer token: one of four kinds, created with the factory methods.
 * The default is a chain: an explicit token, else the {@code NEMO_TOKEN} environment variable,
 * else a free anonymous token (100 credits, 7 days) from {@code POST /api/auth/anonymous-token}.
 *
 * <p>Anonymous tokens are fetched with a stable client id ({@code X-Client-Id}): the builder's
 * {@code clientId}, else {@code NEMO_CLIENT_ID}, else a UUID persisted in
 * {@code ~/.config/nemovideo/client_id}. Renewal after expiry uses the same id.
 *
 * <p>No kind's {@code toString()} shows a token.
 */
public sealed interface Credentials
        permits Credentials.Token, Credentials.DefaultChain, Credentials.Anonymous, Credentials.Custom {

    /**
     * {@return credentials that always use this token}
     *
     * @param token an API token ({@code nmv_usr_…}); errors 1001 with it are raised, not renewed
     */
    static Credentials token(String token) {
        return new Token(token);
    }

    /** {@return {@code NEMO_TOKEN} when set, else an anonymous token} */
    static Credentials defaultChain() {
        return DefaultChain.INSTANCE;
    }

    /** {@return always an anonymous token, renewed with the same client id when it expires} */
    static Credentials anonymous() {
        return Anonymous.INSTANCE;
    }

    /**
     * {@return credentials backed by it}
     *
     * @param provider a custom provider
     */
    static Credentials provider(TokenProvider provider) {
        return new Custom(provider);
    }

    /**
     * A fixed token given by the caller.
     *
     * @param value the token, stripped of surrounding blanks
     */
    record Token(String value) implements Credentials {
        /**
         * Checks and strips the token.
         *
         * @param value the token, stripped of surrounding blanks
         */
        public Token {
            Objects.requireNonNull(value, "token");
            if (value.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            value = value.strip();
        }

        @Override
        public String toString() {
            return "Credentials{EXPLICIT, token=" + AccessToken.redact(value) + '}';
        }
    }

    /** {@code NEMO_TOKEN} when set, else an anonymous token. */
    final class DefaultChain implements Credentials {
        private static final DefaultChain INSTANCE = new DefaultChain();

        private DefaultChain() {
        }

        @Override
        public String toString() {
            return "Credentials{DEFAULT_CHAIN}";
        }
    }

    /** Always an anonymous token. */
    final class Anonymous implements Credentials {
        private static final Anonymous INSTANCE = new Anonymous();

        private Anonymous() {
        }

        @Override
        public String toString() {
            return "Credentials{ANONYMOUS}";
        }
    }

    /**
     * A caller-supplied {@link TokenProvider}.
     *
     * @param provider the provider
     */
    record Custom(TokenProvider provider) implements Credentials {
        /**
         * Checks the provider.
         *
         * @param provider the provider
         */
        public Custom {
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Custom c && c.provider == provider;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(provider);
        }

        @Override
        public String toString() {
            return "Credentials{CUSTOM}";
        }
    }
}
