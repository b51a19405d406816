package dev.nemo.sdk.testkit;

import dev.nemo.sdk.NemoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a started {@link NemoEmulator} and a ready {@link NemoClient}
 * into test parameters and stops them afterwards. Use {@link NemoEmulatorTest}, or
 * {@code @ExtendWith(NemoEmulatorExtension.class)}, or for full control:
 *
 * <pre>{@code
 * @RegisterExtension
 * static NemoEmulatorExtension nemo = NemoEmulatorExtension.withOptions(
 *         EmulatorOptions.builder().creditsPerEdit(0).build());
 * }</pre>
 *
 * <p>Scope: parameters of a test method (and of its {@code @BeforeEach}/{@code @AfterEach}
 * methods) share one emulator, created for that test and closed after it; parameters of a
 * constructor or {@code @BeforeAll} method share one emulator for the whole class, which the
 * methods then reuse. The client uses anonymous credentials with a fixed client id and a temporary
 * config directory that is deleted afterwards.
 */
public final class NemoEmulatorExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    /** The client id of injected clients unless the annotation says otherwise. */
    public static final String DEFAULT_CLIENT_ID = "nemo-testkit-client";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NemoEmulatorExtension.class);
    private static final String KEY = "resources";

    private final EmulatorOptions options;
    private final String clientId;

    /** Creates the extension with settings from {@link NemoEmulatorTest} (or defaults). */
    public NemoEmulatorExtension() {
        this(null, null);
    }

    private NemoEmulatorExtension(EmulatorOptions options, String clientId) {
        this.options = options;
        this.clientId = clientId;
    }

    /**
     * @param options the emulator settings
     * @return an extension for {@code @RegisterExtension}, using {@link #DEFAULT_CLIENT_ID}
     */
    public static NemoEmulatorExtension withOptions(EmulatorOptions options) {
        return new NemoEmulatorExtension(Objects.requireNonNull(options, "options"), DEFAULT_CLIENT_ID);
    }

    /**
     * @param clientId the {@code X-Client-Id} for injected clients
     * @return a copy of this extension using that client id
     */
    public NemoEmulatorExtension withClientId(String clientId) {
        return new NemoEmulatorExtension(options, Objects.requireNonNull(clientId, "clientId"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == NemoEmulator.class || type == NemoClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Resources resources =
                context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> open(context), Resources.class);
        return parameter.getParameter().getType() == NemoEmulator.class ? resources.emulator : resources.client();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeOwn(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeOwn(context);
    }

    private static void closeOwn(ExtensionContext context) {
        Resources r = context.getStore(NAMESPACE).remove(KEY, Resources.class);
        if (r != null) {
            r.close();
        }
    }

    private Resources open(ExtensionContext context) {
        Optional<NemoEmulatorTest> annotation = annotation(context);
        EmulatorOptions o = options;
        if (o == null) {
            EmulatorOptions.Builder b = EmulatorOptions.builder();
            annotation.ifPresent(
                    a -> b.seed(a.seed()).silentEdits(a.silentEdits()).uploadLimitBytes(a.uploadLimitBytes()));
            o = b.build();
        }
        String id = clientId != null
                ? clientId
                : annotation.map(NemoEmulatorTest::clientId).orElse(DEFAULT_CLIENT_ID);
        return new Resources(NemoEmulator.start(o), id);
    }

    private static Optional<NemoEmulatorTest> annotation(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = c.getElement();
            if (element.isPresent() && element.get().isAnnotationPresent(NemoEmulatorTest.class)) {
                return Optional.of(element.get().getAnnotation(NemoEmulatorTest.class));
            }
        }
        return Optional.empty();
    }

    /** The emulator, the lazily built client, and its temporary config directory. */
    private static final class Resources {
        final NemoEmulator emulator;
        final String clientId;
        private NemoClient client;
        private Path configDirectory;

        Resources(NemoEmulator emulator, String clientId) {
            this.emulator = emulator;
            this.clientId = clientId;
        }

        NemoClient client() {
            if (client == null) {
                try {
                    configDirectory = Files.createTempDirectory("nemo-testkit-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                client = emulator.clientBuilder(configDirectory)
                        .clientId(clientId)
                        .build();
            }
            return client;
        }

        void close() {
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                emulator.close();
                deleteQuietly(configDirectory);
            }
        }

        private static void deleteQuietly(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp directory is harmless
            }
        }
    }
}
