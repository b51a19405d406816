package dev.nemo.sdk.internal.http;

import java.net.URI;

/** Origin comparison (scheme, host, port) and the API's base URL. */
public final class Origins {
    private Origins() {}

    /**
     * {@return whether both have the same scheme, host and port}
     *
     * @param a one URI
     * @param b another
     */
    public static boolean same(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * {@return the absolute URI}
     *
     * @param base the API base, without a trailing slash
     * @param path an API path starting with {@code /}
     */
    public static URI resolve(URI base, String path) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) + path : b + path);
    }

    /**
     * Scheme, host, port and path of a URI: no user info, no query (signed URLs stay out of logs).
     *
     * @param u a URI
     * @return its printable form
     */
    public static String hostAndPath(URI u) {
        if (u == null || u.getHost() == null) {
            return String.valueOf(u == null ? "(none)" : u.getRawPath());
        }
        String host = u.getHost().contains(":") ? "[" + u.getHost() + "]" : u.getHost();
        return u.getScheme() + "://" + host + (u.getPort() == -1 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
