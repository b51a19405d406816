package dev.nemo.sdk.examples;

import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns a failure into the one line a command prints on standard error: what failed, the API code
 * or HTTP status, and what to do. SDK messages never contain a token, and neither does this line.
 *
 * <pre>
 * nemo-examples: chat failed: Out of credits (code 2001); register to keep your work: https://nemovideo.com/register?bind=anon_1
 * </pre>
 */
public final class ErrorReport {
    /** The prefix of every error line. */
    public static final String PREFIX = "nemo-examples: ";

    private ErrorReport() {}

    /**
     * @param command  the command that was running
     * @param failure  what went wrong
     * @param embedded whether the embedded emulator was in use (its sessions last one command)
     * @return one line, without a line break
     */
    public static String line(String command, Throwable failure, boolean embedded) {
        return line(command, failure, embedded, null);
    }

    /**
     * @param command  the command that was running
     * @param failure  what went wrong
     * @param embedded whether the embedded emulator was in use (its sessions last one command)
     * @param server   the server's URL ({@code NEMO_API_URL}), named when it cannot be reached; may be null
     * @return one line, without a line break
     */
    public static String line(String command, Throwable failure, boolean embedded, String server) {
        String step = step(command, failure);
        String message = isUnknownRender(failure)
                ? "the server knows no render " + renderId((NemoException) failure)
                : oneLine(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        StringBuilder s =
                new StringBuilder(PREFIX).append(step).append(" failed: ").append(message);
        if (failure instanceof NemoException) {
            NemoException e = (NemoException) failure;
            if (e.apiCode().isPresent()
                    && !message.contains(String.valueOf(e.apiCode().getAsInt()))) {
                s.append(" [API code ").append(e.apiCode().getAsInt()).append(']');
            } else if (e.apiCode().isEmpty()
                    && e.httpStatus() != NemoException.NO_STATUS
                    && !message.contains(String.valueOf(e.httpStatus()))) {
                s.append(" [HTTP ").append(e.httpStatus()).append(']');
            }
        }
        String advice = advice(failure, message, embedded, server);
        if (!advice.isEmpty()) {
            s.append(" - ").append(advice);
        }
        return s.toString();
    }

    /**
     * @param message what is wrong with the command line
     * @return the line for a usage error
     */
    public static String usage(String message) {
        return PREFIX + oneLine(message) + " (run with --help for the commands)";
    }

    private static String advice(Throwable failure, String message, boolean embedded, String server) {
        if (isUnknownRender(failure)) {
            return "no render with this id on " + (server == null ? "this server" : server) + ": check the id (renders "
                    + "of the embedded emulator end with their command; run the emulator command to keep them)";
        }
        if (failure instanceof InsufficientCreditsException) {
            String link = ((InsufficientCreditsException) failure).bindUrl().orElse("https://nemovideo.com");
            return message.contains(link) ? "" : "get more credits at " + link;
        }
        if (failure instanceof TokenExpiredException) {
            return "set NEMO_TOKEN to a valid API token, or unset it to use a free anonymous token";
        }
        if (failure instanceof SessionNotFoundException) {
            return embedded
                    ? "the embedded emulator keeps sessions only while one command runs; set NEMO_API_URL to "
                            + "a server that keeps them"
                    : "check the session id, or start a new session";
        }
        if (failure instanceof RateLimitedException) {
            return ((RateLimitedException) failure)
                    .retryAfter()
                    .map(d -> "try again in " + d.toSeconds() + " s")
                    .orElse("try again later");
        }
        if (failure instanceof ExportTimeoutException) {
            return "the render goes on: follow it later with: resume " + ((ExportTimeoutException) failure).renderId()
                    + " <output>";
        }
        if (failure instanceof TransportException) {
            TransportException t = (TransportException) failure;
            if (t.outcomeUnknown()) {
                return "it may have been done: check before trying again (it was not repeated automatically)";
            }
            return t.kind() == TransportException.Kind.CONNECT && server != null
                    ? "cannot reach " + server + " (NEMO_API_URL): check that the server is running and the address "
                            + "is right"
                    : "check the network connection and NEMO_API_URL";
        }
        if (failure instanceof ExportFailedException
                || failure instanceof ExampleException
                || failure instanceof NemoException) {
            return "";
        }
        if (failure instanceof UncheckedIOException
                || failure instanceof NoSuchFileException
                || failure instanceof AccessDeniedException) {
            return "check the path";
        }
        return "run with --verbose for details";
    }

    private static boolean isUnknownRender(Throwable failure) {
        return failure instanceof NemoException e
                && e.httpStatus() == 404
                && e.requestPath().orElse("").startsWith("/api/render/");
    }

    private static String renderId(NemoException e) {
        String path = e.requestPath().orElse("");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What was being done, from the request that failed when the SDK knows it. */
    private static String step(String command, Throwable failure) {
        if (failure instanceof ExampleException) {
            return ((ExampleException) failure).step();
        }
        if (failure instanceof ExportFailedException || failure instanceof ExportTimeoutException) {
            return "export";
        }
        if (failure instanceof NemoException) {
            String path = ((NemoException) failure).requestPath().orElse("");
            String method = ((NemoException) failure).requestMethod().orElse("");
            if (path.startsWith("/api/auth/anonymous-token")) {
                return "getting an anonymous token";
            }
            if (path.startsWith("/api/tasks/")) {
                return "creating a session";
            }
            if (path.startsWith("/api/upload-video/")) {
                return "upload";
            }
            if (path.startsWith("/run_sse")) {
                return "chat";
            }
            if (path.startsWith("/api/state/")) {
                return "reading the session state";
            }
            if (path.startsWith("/api/credits/")) {
                return "reading the credit balance";
            }
            if (path.startsWith("/api/render/proxy/lambda")) {
                return "export";
            }
            if (path.startsWith("/api/render/") || method.equals("GET") && path.contains("render")) {
                return "download";
            }
        }
        return command;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").replace('\t', ' ').strip();
        return t.isEmpty() ? "unknown error" : t;
    }
}
