package dev.nemo.sdk.examples;

import dev.nemo.sdk.reactive.ReactiveNemoClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The examples as one command-line program, the main class of {@code nemo-examples.jar}:
 *
 * <pre>
 * java -jar nemo-examples.jar demo
 * java -jar nemo-examples.jar quick-edit cat.gif "compress this GIF to under 500KB" cat.mp4
 * </pre>
 *
 * <p>Without {@code NEMO_API_URL} every command (but {@code events} and {@code help}) starts an
 * embedded emulator and says so on its first line of output. A failure ends the command with a
 * non-zero status and one line on standard error; {@code --verbose} adds the stack trace and the
 * SDK's debug log.
 */
public final class NemoExamples {
    /** Exit status of a command that worked. */
    public static final int OK = 0;
    /** Exit status of a command that failed. */
    public static final int FAILED = 1;
    /** Exit status of a wrong command line. */
    public static final int USAGE = 2;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    static final String USAGE_TEXT = String.join(
            System.lineSeparator(),
            "Usage: java -jar nemo-examples.jar [--poll-interval <seconds>] [--verbose] <command> [arguments]",
            "",
            "Commands:",
            "  demo                                          quick-edit on a sample GIF bundled in the jar",
            "  quick-edit <input> <instruction> <output>     upload, one chat instruction, export, download",
            "  batch <input-dir> <instruction> <output-dir>  one instruction for every media file of a folder",
            "  chat [--session <id>]                         chat line by line from standard input",
            "  state --session <id>                          the session's media and timeline summary",
            "  credits                                       available=<n> frozen=<n> total=<n>",
            "  events <file>                                 decode a recorded /run_sse body: one JSON line per event",
            "  resume <render-id> <output>                   follow an earlier export and download it",
            "  reactive-quick-edit <input> <instruction> <output>   quick-edit with Project Reactor",
            "  emulator [--host <address>] [--port <port>] [--data <dir>]",
            "                                                run the emulator as a server until stopped (Ctrl-C);",
            "                                                then export NEMO_API_URL as it says",
            "",
            "Options (before or after the command):",
            "  --poll-interval <seconds>  time between export polls (default 30)",
            "  --session <id>             an existing session (state, chat)",
            "  --force                    quick-edit: overwrite an existing output file",
            "  --version                  print the version and exit",
            "  --verbose                  debug log and stack traces",
            "",
            "Environment:",
            "  NEMO_API_URL    the API server; when unset, each command starts its own embedded emulator",
            "                  (use the emulator command to keep sessions across commands)",
            "  NEMO_TOKEN      an API token; when unset, a free anonymous token (100 credits) is used",
            "  NEMO_CLIENT_ID  the client id of anonymous tokens (default: ~/.config/nemovideo/client_id)");

    private NemoExamples() {}

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        exit(runInProcess(args));
    }

    /**
     * Runs one command in this process with its real streams and environment; the examples' own
     * {@code main} methods use it.
     *
     * @param command the command
     * @param args    its arguments and options
     * @return the exit status
     */
    public static int run(String command, String[] args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(Arrays.asList(args));
        return runInProcess(all.toArray(new String[0]));
    }

    private static int runInProcess(String[] args) {
        // before anything creates a logger: quiet unless --verbose (an explicit -D setting wins)
        if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
            System.setProperty(LOG_LEVEL, "debug");
        } else if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        return run(args, CliContext.system());
    }

    /**
     * Runs one command.
     *
     * @param args    the command line
     * @param context streams, environment and directories
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(String[] args, CliContext context) {
        CliArgs cli;
        try {
            cli = CliArgs.parse(args);
        } catch (UsageException e) {
            context.err().println(ErrorReport.usage(e.getMessage()));
            return USAGE;
        }
        try {
            return dispatch(cli, context);
        } catch (UsageException e) {
            context.err().println(ErrorReport.usage(e.getMessage()));
            return USAGE;
        } catch (RuntimeException e) {
            context.out().flush();
            String server = context.variable("NEMO_API_URL");
            context.err().println(ErrorReport.line(cli.command(), e, server == null, server));
            if (cli.verbose()) {
                e.printStackTrace(context.err());
            }
            return FAILED;
        }
    }

    /** Exits the JVM after flushing standard output. */
    static void exit(int status) {
        System.out.flush();
        System.exit(status);
    }

    private static int dispatch(CliArgs cli, CliContext ctx) {
        PrintStream out = ctx.out();
        switch (cli.command()) {
            case "help":
                out.println(USAGE_TEXT);
                return OK;
            case "usage":
                ctx.err().println(USAGE_TEXT);
                return USAGE;
            case "version":
                out.println(version());
                return OK;
            case "emulator":
                return EmulatorCommand.run(cli, ctx);
            case "events": {
                cli.requireArguments(1, "events <file>");
                cli.rejectSession("events <file>");
                Path file = ctx.resolve(cli.arguments().get(0));
                int events;
                try {
                    events = RecordedEvents.print(file, out).size();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
                }
                if (events == 0) {
                    throw new ExampleException(
                            "events",
                            file + " holds no Server-Sent Events (no \"data:\" lines): "
                                    + "give it the body of a recorded /run_sse response");
                }
                return OK;
            }
            case "credits":
                cli.requireArguments(0, "credits");
                cli.rejectSession("credits");
                try (Backend backend = Backend.open(ctx)) {
                    ShowCredits.print(backend.client(), out);
                }
                return OK;
            case "quick-edit":
            case "reactive-quick-edit": {
                String usage = cli.command() + " <input> <instruction> <output>";
                cli.requireArguments(3, usage);
                cli.rejectSession(usage);
                Path input = existingFile(ctx, cli.arguments().get(0));
                Path output = ctx.resolve(cli.arguments().get(2));
                String instruction = cli.arguments().get(1);
                MediaCheck.requireMedia(input);
                QuickEdit.checkOutput(output, cli.option("force").isPresent(), out);
                try (Backend backend = Backend.open(ctx)) {
                    if (cli.command().equals("quick-edit")) {
                        QuickEdit.run(
                                backend.client(),
                                input,
                                instruction,
                                output,
                                Rendering.polling(cli.pollInterval()),
                                out);
                    } else {
                        try (ReactiveNemoClient reactive = ReactiveNemoClient.create(backend.client())) {
                            ReactiveQuickEdit.run(
                                            reactive,
                                            input,
                                            instruction,
                                            output,
                                            Rendering.polling(cli.pollInterval()),
                                            out)
                                    .block();
                        }
                    }
                }
                return OK;
            }
            case "batch": {
                String usage = "batch <input-dir> <instruction> <output-dir>";
                cli.requireArguments(3, usage);
                cli.rejectSession(usage);
                Path inputDir = ctx.resolve(cli.arguments().get(0));
                if (!Files.isDirectory(inputDir)) {
                    throw new ExampleException("batch", "no such directory: " + inputDir);
                }
                int[] failed = {0};
                try (Backend backend = Backend.open(ctx)) {
                    BatchEdit.run(
                            backend.client(),
                            inputDir,
                            cli.arguments().get(1),
                            ctx.resolve(cli.arguments().get(2)),
                            Rendering.polling(cli.pollInterval()),
                            out,
                            (file, e) -> {
                                failed[0]++;
                                ctx.err()
                                        .println(ErrorReport.line(
                                                file.getFileName().toString(),
                                                e,
                                                backend.emulator().isPresent()));
                            });
                }
                return failed[0] == 0 ? OK : FAILED;
            }
            case "state": {
                cli.requireArguments(0, "state --session <id>");
                String session = cli.session().orElseThrow(() -> new UsageException("state needs --session <id>"));
                try (Backend backend = Backend.open(ctx)) {
                    SessionStatus.print(backend.client(), session, out);
                }
                return OK;
            }
            case "chat": {
                cli.requireArguments(0, "chat [--session <id>]");
                BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
                int failures;
                try (Backend backend = Backend.open(ctx)) {
                    boolean embedded = backend.emulator().isPresent();
                    IterativeChat.Settings settings = new IterativeChat.Settings(
                            Rendering.polling(cli.pollInterval()),
                            ctx.workingDirectory(),
                            ctx::resolve,
                            ctx.in() == System.in && System.console() != null,
                            e -> {
                                ctx.err().println(ErrorReport.line("chat", e, embedded));
                                if (cli.verbose()) {
                                    e.printStackTrace(ctx.err());
                                }
                            });
                    failures = IterativeChat.run(backend.client(), cli.session().orElse(null), in, out, settings);
                }
                return failures == 0 ? OK : FAILED;
            }
            case "demo":
                cli.requireArguments(0, "demo");
                cli.rejectSession("demo");
                try (Backend backend = Backend.open(ctx)) {
                    Demo.run(
                            backend.client(),
                            ctx.workingDirectory().resolve(Demo.OUTPUT_DIRECTORY),
                            Rendering.polling(cli.pollInterval()),
                            out);
                }
                return OK;
            case "resume": {
                String usage = "resume <render-id> <output>";
                cli.requireArguments(2, usage);
                cli.rejectSession(usage);
                try (Backend backend = Backend.open(ctx)) {
                    ResumeExport.run(
                            backend.client(),
                            cli.arguments().get(0),
                            ctx.resolve(cli.arguments().get(1)),
                            Rendering.polling(cli.pollInterval()),
                            out);
                }
                return OK;
            }
            default:
                throw new UsageException("unknown command '" + cli.command() + "'");
        }
    }

    /** @return for example {@code nemo-examples 0.1.0 (nemo-sdk-java 0.1.0, Java 17.0.12)} */
    static String version() {
        String sdk = dev.nemo.sdk.auth.Attribution.defaults().version();
        String own = NemoExamples.class.getPackage().getImplementationVersion();
        return "nemo-examples " + (own == null ? sdk : own) + " (nemo-sdk-java " + sdk + ", Java "
                + System.getProperty("java.version") + ")";
    }

    private static Path existingFile(CliContext ctx, String path) {
        Path p = ctx.resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new ExampleException("upload", "no such file: " + p);
        }
        return p;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
