package dev.nemo.sdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.NemoClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson stays an implementation detail: no public or protected signature of any public type in
 * a package the {@code dev.nemo.sdk} module exports names a {@code com.fasterxml} type, and the
 * module does not pass Jackson on to its readers. (Public so that its fixture {@link Leaky} is a visible type.)
 */
public class NoJacksonInPublicApiTest {
    private static final Predicate<String> JACKSON = name -> name.startsWith("com.fasterxml.");

    @Test
    void noExportedSignatureNamesAJacksonType() throws Exception {
        ModuleDescriptor module = descriptor();
        List<Class<?>> types = exportedTypes(module);

        List<String> violations = new ArrayList<>();
        types.forEach(t -> violations.addAll(PublicSignatures.violations(t, JACKSON)));

        assertThat(types)
                .as("public types found in the exported packages")
                .hasSizeGreaterThan(50)
                .contains(
                        dev.nemo.sdk.draft.Draft.class,
                        dev.nemo.sdk.chat.ChatEvent.ToolCall.class,
                        dev.nemo.sdk.json.JsonValue.class);
        assertThat(violations).isEmpty();
    }

    @Test
    void theModuleDoesNotRequireJacksonTransitively() throws Exception {
        ModuleDescriptor module = descriptor();

        assertThat(module.requires())
                .filteredOn(r -> r.name().startsWith("com.fasterxml"))
                .isNotEmpty()
                .allSatisfy(
                        r -> assertThat(r.modifiers()).doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
        assertThat(module.exports()).noneMatch(e -> e.source().contains(".internal"));
    }

    /** The scanner itself: it finds Jackson in every kind of signature it claims to check. */
    @Test
    void theScannerFindsJacksonWhereverASignatureHidesIt() {
        List<String> found = PublicSignatures.violations(Leaky.class, JACKSON);

        assertThat(found)
                .anyMatch(v -> v.contains("#field:"))
                .anyMatch(v -> v.contains("#<init> parameter"))
                .anyMatch(v -> v.contains("#inMap returns"))
                .anyMatch(v -> v.contains("#wildcard parameter"))
                .anyMatch(v -> v.contains("#bounded<T>"))
                .anyMatch(v -> v.contains("#array returns"))
                .anyMatch(v -> v.contains("record component node"))
                .noneMatch(v -> v.contains("hidden"));
        assertThat(PublicSignatures.violations(Leaky.Extends.class, JACKSON)).anyMatch(v -> v.contains(" implements"));
    }

    /** Every test fixture form of a leak. */
    public record Leaky(JsonNode node) {
        public static ObjectNode field;

        public Leaky(ObjectNode o, int x) {
            this((JsonNode) o);
        }

        public static Map<String, List<JsonNode>> inMap() {
            return Map.of();
        }

        public static void wildcard(Optional<? extends JsonNode> v) {}

        public static <T extends JsonNode> T bounded() {
            return null;
        }

        public static JsonNode[] array() {
            return new JsonNode[0];
        }

        private static JsonNode hidden() {
            return null;
        }

        /** A supertype leak. */
        public interface Extends extends java.util.function.Supplier<JsonNode> {}
    }

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classesDir().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Path classesDir() throws URISyntaxException {
        return Path.of(NemoClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    private static List<Class<?>> exportedTypes(ModuleDescriptor module) throws IOException, URISyntaxException {
        Path root = classesDir();
        List<Class<?>> out = new ArrayList<>();
        for (ModuleDescriptor.Exports e : module.exports()) {
            if (e.isQualified()) {
                continue;
            }
            Path dir = root.resolve(e.source().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (String name : files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .sorted()
                        .collect(Collectors.toList())) {
                    Class<?> c = load(e.source() + "." + name.substring(0, name.length() - ".class".length()));
                    if (PublicSignatures.isVisible(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NemoClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("listed but not loadable: " + name, e);
        }
    }
}
