package dev.nemo.sdk.error;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * API code 2001: the account is out of credits. Anonymous users can keep their work by
 * registering through {@link #bindUrl()}; registered users top up at nemovideo.com.
 */
public class InsufficientCreditsException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /** Registration page that binds an anonymous user's work to a new account. */
    public static final String REGISTER_URL = "https://nemovideo.com/register?bind=";

    private final @Nullable String userId;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param userId  the user id (for example {@code anon_abc123}) when known, else {@code null}
     */
    public InsufficientCreditsException(String message, ErrorDetails details, @Nullable String userId) {
        super(message, details, null);
        this.userId = userId;
    }

    /** {@return the user id the credits belong to, when known} */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * {@return {@code https://nemovideo.com/register?bind=<user_id>} when the user id is known}
     */
    public Optional<String> bindUrl() {
        return userId().map(id -> REGISTER_URL + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
