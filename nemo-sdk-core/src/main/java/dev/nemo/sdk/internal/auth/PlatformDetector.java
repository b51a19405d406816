package dev.nemo.sdk.internal.auth;

import dev.nemo.sdk.NemoClient;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import org.jspecify.annotations.Nullable;

/**
 * Detects {@code X-Skill-Platform}: {@code clawhub} when the SDK's code or the working directory
 * lies under {@code ~/.clawhub/}, {@code cursor} under {@code ~/.cursor/skills/}, else {@code unknown}.
 */
public final class PlatformDetector {
    private PlatformDetector() {
    }

    /** {@return the platform of this process} */
    public static String detect() {
        Path home = pathOf(System.getProperty("user.home"));
        Path cwd = pathOf(System.getProperty("user.dir"));
        return detect(home, cwd, codeLocation());
    }

    /**
     * {@return {@code clawhub}, {@code cursor} or {@code unknown}}
     *
     * @param home user home, or {@code null}
     * @param cwd  working directory, or {@code null}
     * @param code location of the SDK's code, or {@code null}
     */
    public static String detect(@Nullable Path home, @Nullable Path cwd, @Nullable Path code) {
        if (home == null) {
            return "unknown";
        }
        Path clawhub = home.resolve(".clawhub").toAbsolutePath().normalize();
        Path cursor = home.resolve(".cursor").resolve("skills").toAbsolutePath().normalize();
        for (Path p : new Path[] {code, cwd}) {
            if (p != null && p.toAbsolutePath().normalize().startsWith(clawhub)) {
                return "clawhub";
            }
        }
        for (Path p : new Path[] {code, cwd}) {
            if (p != null && p.toAbsolutePath().normalize().startsWith(cursor)) {
                return "cursor";
            }
        }
        return "unknown";
    }

    private static @Nullable Path codeLocation() {
        try {
            CodeSource cs = NemoClient.class.getProtectionDomain().getCodeSource();
            return cs == null || cs.getLocation() == null ? null : Paths.get(cs.getLocation().toURI());
        } catch (SecurityException | URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    private static @Nullable Path pathOf(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Paths.get(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
