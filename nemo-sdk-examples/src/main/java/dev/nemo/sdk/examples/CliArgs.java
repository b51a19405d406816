package dev.nemo.sdk.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command, its arguments, and the options, which may come before or
 * after the command name. {@code --} ends the options (an instruction may then start with a dash).
 *
 * @param command      the command name; {@code usage} when none was given, {@code help} for {@code --help},
 *                     {@code version} for {@code --version}
 * @param arguments    the positional arguments after the command name
 * @param pollInterval {@code --poll-interval <seconds>} (default 30 s; decimals allowed)
 * @param verbose      {@code --verbose}: debug logging and stack traces
 * @param session      {@code --session <id>}, when given
 * @param options      the other options by name without dashes: {@code host}, {@code port}, {@code data}
 *                     (the {@code emulator} command) and {@code force} ({@code quick-edit}), when given
 */
public record CliArgs(
        String command,
        List<String> arguments,
        Duration pollInterval,
        boolean verbose,
        Optional<String> session,
        Map<String, String> options) {
    /** Options that take a value, by name without dashes. */
    private static final Set<String> VALUED = Set.of("host", "port", "data");

    /** The poll interval the official skill uses. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    /** Copies the arguments. */
    public CliArgs {
        arguments = List.copyOf(arguments);
        options = Map.copyOf(options);
    }

    /**
     * @param args the command line
     * @return it parsed
     * @throws UsageException when an option is unknown or lacks its value
     */
    public static CliArgs parse(String... args) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Duration poll = DEFAULT_POLL_INTERVAL;
        boolean verbose = false;
        String session = null;
        boolean optionsEnded = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                if (command == null) {
                    command = a;
                } else {
                    positional.add(a);
                }
            } else if (a.equals("--")) {
                optionsEnded = true;
            } else if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                command = "help";
            } else if (a.equals("--version") || a.equals("-V")) {
                command = "version";
            } else if (a.equals("--force") || a.equals("-f")) {
                options.put("force", "true");
            } else if (VALUED.contains(name(a))) {
                options.put(name(a), a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, a));
            } else if (a.equals("--poll-interval") || a.startsWith("--poll-interval=")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, a);
                poll = seconds(value);
            } else if (a.equals("--session") || a.startsWith("--session=")) {
                session = a.contains("=") ? a.substring(a.indexOf('=') + 1) : value(args, ++i, a);
                if (session.isBlank()) {
                    throw new UsageException("--session needs a session id");
                }
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return new CliArgs(
                command == null ? "usage" : command, positional, poll, verbose, Optional.ofNullable(session), options);
    }

    /**
     * @param count how many positional arguments the command takes
     * @param usage the command's usage line, for the error
     * @throws UsageException when there are more or fewer
     */
    public void requireArguments(int count, String usage) {
        if (arguments.size() != count) {
            throw new UsageException(
                    (arguments.size() < count ? "missing arguments" : "too many arguments") + "; usage: " + usage);
        }
    }

    /**
     * @param usage the command's usage line, for the error
     * @throws UsageException when {@code --session} was given to a command that does not take it
     */
    public void rejectSession(String usage) {
        if (session.isPresent()) {
            throw new UsageException(command + " does not take --session; usage: " + usage);
        }
    }

    /**
     * @param name an option name without dashes
     * @return its value, when given
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** {@code --host=x} and {@code --host} → {@code host}. */
    private static String name(String option) {
        String bare = option.replaceFirst("^--?", "");
        int eq = bare.indexOf('=');
        return eq < 0 ? bare : bare.substring(0, eq);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String value) {
        BigDecimal s;
        try {
            s = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--poll-interval takes a number of seconds, not '" + value + "'");
        }
        if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw new UsageException("--poll-interval must be more than 0 and at most 86400 seconds");
        }
        long millis =
                s.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        return Duration.ofMillis(millis);
    }
}
