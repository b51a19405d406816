package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.nemo.sdk.error.BadRequestException;
import dev.nemo.sdk.error.ConflictException;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.ExportNotAllowedException;
import dev.nemo.sdk.error.FileTooLargeException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.MissingClientIdException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.NotFoundException;
import dev.nemo.sdk.error.PermissionDeniedException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.util.Redactor;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTTP response into the payload of its envelope or into the typed error it carries.
 * Two envelope families exist: {@code {"code","message","data"}} (main API) and
 * {@code {"success","data"|"error"}} (render proxy, sometimes without any envelope). A body code
 * may come with HTTP 200 or with a 4xx status: both map to the same exception type.
 */
public final class ResponseMapper {
    static final int EXCERPT_CHARS = 300;

    private ResponseMapper() {}

    /**
     * What the mapper needs to know about the request that produced the response.
     *
     * @param method             request method
     * @param path               request path
     * @param userId             the anonymous user's id for the 2001 bind link, or {@code null}
     * @param clock              turns a {@code Retry-After} date into a wait
     * @param anonymousTokenCall whether this is the anonymous-token call (HTTP 400 means a bad client id)
     * @param headers            the response headers, kept in the error's details
     */
    public record Context(
            String method,
            String path,
            @Nullable String userId,
            Clock clock,
            boolean anonymousTokenCall,
            Map<String, List<String>> headers) {
        /**
         * A context without response headers.
         *
         * @param method             request method
         * @param path               request path
         * @param userId             the anonymous user's id, or {@code null}
         * @param clock              clock
         * @param anonymousTokenCall whether this is the anonymous-token call
         */
        public Context(String method, String path, @Nullable String userId, Clock clock, boolean anonymousTokenCall) {
            this(method, path, userId, clock, anonymousTokenCall, Map.of());
        }

        ErrorDetails details(int status, @Nullable Integer code, byte @Nullable [] body) {
            return new ErrorDetails(status, code, method, path, Redactor.excerpt(body, EXCERPT_CHARS), headers);
        }
    }

    /**
     * {@return the envelope's payload: {@code data} when present, else the whole object}
     *
     * @param status      HTTP status
     * @param contentType the {@code Content-Type}, or {@code null}
     * @param retryAfter  the {@code Retry-After} header, or {@code null}
     * @param body        the body bytes
     * @param ctx         request context
     * @throws NemoException the typed error the response carries
     */
    public static JsonNode payload(
            int status, @Nullable String contentType, @Nullable String retryAfter, byte[] body, Context ctx) {
        JsonNode node = parseOrNull(body);
        if (status < 200 || status > 299) {
            throw error(status, retryAfter, body, node, ctx);
        }
        if (node == null || !node.isObject()) {
            String what = body == null || body.length == 0
                    ? "an empty body"
                    : looksLikeHtml(contentType, body) ? "an HTML page" : "a body that is not a JSON object";
            throw new DecodeException(
                    "Expected a JSON response from " + ctx.method() + " " + ctx.path() + " but got " + what + " (HTTP "
                            + status + ")",
                    ctx.details(status, null, body),
                    null);
        }
        @Nullable Integer code = code(node);
        if (code != null && code != ErrorCodes.OK) {
            throw byCode(code, status, message(node), retryAfter, body, ctx);
        }
        JsonNode success = node.get("success");
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            String msg = message(node);
            return failRender(status, msg, body, ctx);
        }
        JsonNode data = node.get("data");
        if (data != null && !data.isNull() && (code != null || success != null || data.isObject())) {
            return data;
        }
        if (code != null || success != null) {
            return data == null ? MissingNode.getInstance() : data;
        }
        return node;
    }

    private static JsonNode failRender(int status, @Nullable String msg, byte[] body, Context ctx) {
        throw new NemoServiceException(
                "The render service refused the request: " + (msg == null ? "no reason given" : msg),
                ctx.details(status, null, body),
                null);
    }

    /**
     * Maps a non-2xx response (or a refused stream) to its typed error.
     *
     * @param status     HTTP status
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param body       body bytes
     * @param ctx        request context
     * @return the typed error
     */
    public static NemoException error(int status, @Nullable String retryAfter, byte[] body, Context ctx) {
        return error(status, retryAfter, body, parseOrNull(body), ctx);
    }

    private static NemoException error(
            int status, @Nullable String retryAfter, byte[] body, @Nullable JsonNode node, Context ctx) {
        @Nullable String msg = node != null && node.isObject() ? message(node) : null;
        @Nullable Integer code = node != null && node.isObject() ? code(node) : null;
        if (code != null && code != ErrorCodes.OK) {
            return byCode(code, status, msg, retryAfter, body, ctx);
        }
        return byStatus(status, msg, retryAfter, body, ctx, null);
    }

    static NemoException byCode(
            int code, int status, @Nullable String msg, @Nullable String retryAfter, byte[] body, Context ctx) {
        ErrorDetails d = ctx.details(status, code, body);
        return switch (code) {
            case ErrorCodes.TOKEN_EXPIRED ->
                new TokenExpiredException(text("The token is invalid or expired (code 1001)", msg), d, null);
            case ErrorCodes.SESSION_NOT_FOUND ->
                new SessionNotFoundException(text("Session not found (code 1002); create a new session", msg), d, null);
            case ErrorCodes.INSUFFICIENT_CREDITS ->
                new InsufficientCreditsException(
                        text("Out of credits (code 2001)", msg)
                                + (ctx.userId() == null
                                        ? "; top up at https://nemovideo.com"
                                        : "; register to keep your work: " + InsufficientCreditsException.REGISTER_URL
                                                + ctx.userId()),
                        d,
                        ctx.userId());
            case ErrorCodes.UNSUPPORTED_FILE_TYPE ->
                new UnsupportedFileTypeException(
                        withAcceptedFormats(text("Unsupported file type (code 4001)", msg)), d, null);
            case ErrorCodes.FILE_TOO_LARGE ->
                new FileTooLargeException(text("File too large (code 4002); compress or trim it first", msg), d, null);
            default -> byStatus(status, msg, retryAfter, body, ctx, code);
        };
    }

    private static NemoException byStatus(
            int status,
            @Nullable String msg,
            @Nullable String retryAfter,
            byte[] body,
            Context ctx,
            @Nullable Integer code) {
        ErrorDetails d = ctx.details(status, code, body);
        String where = ctx.method() + " " + ctx.path();
        if (status == 400 && ctx.anonymousTokenCall()) {
            return new MissingClientIdException(
                    text(
                            "The anonymous-token call was refused (HTTP 400): X-Client-Id is " + "missing or invalid",
                            msg),
                    d,
                    null);
        }
        if (status == 401) {
            return new TokenExpiredException(text("Authentication failed (HTTP 401)", msg), d, null);
        }
        if (status == 402) {
            return new ExportNotAllowedException(
                    text(
                            "Export not allowed (HTTP 402): this is a plan or attribution "
                                    + "problem, not a credits problem; register at nemovideo.com to unlock export, and make sure the "
                                    + "X-Skill-* attribution headers are sent",
                            msg),
                    d,
                    null);
        }
        if (status == 404 && msg != null && msg.toLowerCase(Locale.ROOT).contains("session not found")) {
            return new SessionNotFoundException(
                    text("Session not found (HTTP 404); create a new session", msg), d, null);
        }
        if (status == 429) {
            @Nullable Duration wait = RetryAfter.parse(retryAfter, ctx.clock()).orElse(null);
            return new RateLimitedException(
                    text(
                            "Rate limited (HTTP 429)"
                                    + (wait == null ? "" : "; retry after " + wait.toSeconds() + " s"),
                            msg),
                    d,
                    wait);
        }
        if (status >= 500 && status <= 599) {
            return new ServerException(text("Server error (HTTP " + status + ") on " + where, msg), d, null);
        }
        if (code != null) {
            return new NemoServiceException(text("API error code " + code + " on " + where, msg), d, null);
        }
        String shape = body == null || body.length == 0 ? " with an empty body" : "";
        String what = "HTTP " + status + shape + " on " + where;
        return switch (status) {
            case 400 -> new BadRequestException(text("Bad request (" + what + ")", msg), d, null);
            case 403 ->
                new PermissionDeniedException(
                        text("Permission denied (" + what + "): the token may lack the " + "scope this needs", msg),
                        d,
                        null);
            case 404 -> new NotFoundException(text("Not found (" + what + ")", msg), d, null);
            case 409 -> new ConflictException(text("Conflict (" + what + ")", msg), d, null);
            default -> new NemoServiceException(text("Unexpected " + what, msg), d, null);
        };
    }

    /** The 4001 message ends with the one list of accepted formats, unless the server's own words already did. */
    private static String withAcceptedFormats(String message) {
        String accepted = "Accepted: " + MediaFormats.description();
        return message.contains(accepted) ? message : message + ". " + accepted;
    }

    private static String text(String base, @Nullable String serverMessage) {
        if (serverMessage == null || serverMessage.isBlank()) {
            return base;
        }
        String m = Redactor.redact(serverMessage.strip());
        if (m.length() > EXCERPT_CHARS) {
            m = m.substring(0, EXCERPT_CHARS) + "…";
        }
        return base + ": " + m;
    }

    private static @Nullable Integer code(JsonNode node) {
        JsonNode c = node.get("code");
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.isIntegralNumber() && c.canConvertToInt()) {
            return c.intValue();
        }
        if (c.isTextual()) {
            try {
                return Integer.parseInt(c.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String message(JsonNode node) {
        for (String f : new String[] {"message", "msg", "error", "detail", "error_message", "errorMessage"}) {
            JsonNode v = node.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
            if (v.isObject()) {
                JsonNode inner = v.get("message");
                if (inner != null && inner.isTextual()) {
                    return inner.textValue();
                }
            }
            if (v.isArray() && v.size() > 0) {
                JsonNode first = v.get(0);
                JsonNode inner = first.isObject() ? first.get("msg") : first;
                if (inner != null && inner.isTextual()) {
                    return inner.textValue();
                }
            }
        }
        return null;
    }

    private static @Nullable JsonNode parseOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        if (i >= body.length || (body[i] != '{' && body[i] != '[')) {
            return null;
        }
        try {
            return Json.parse(body, i, body.length - i);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean looksLikeHtml(@Nullable String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .strip()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype") || start.startsWith("<html");
    }
}
