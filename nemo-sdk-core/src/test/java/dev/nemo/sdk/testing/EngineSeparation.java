package dev.nemo.sdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds test classes that mix jqwik properties with Jupiter tests. Surefire reports one class per
 * engine under the same name, so such a class is under-counted in its report (and a failure hides
 * among the merged results); jqwik properties live in their own {@code *Properties} classes instead.
 */
public final class EngineSeparation {
    private static final Set<String> JQWIK = Set.of("net.jqwik.api.Property", "net.jqwik.api.Example");
    private static final Set<String> JUPITER = Set.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestTemplate");

    private EngineSeparation() {}

    /**
     * @param anyTestClass a class of the test output folder to scan (the module's own tests)
     * @return the names of the classes there that hold both jqwik and Jupiter test methods
     */
    public static List<String> mixedClassesBeside(Class<?> anyTestClass) {
        Path root;
        try {
            root = Path.of(anyTestClass
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> mixed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String name =
                        root.relativize(p).toString().replace(".class", "").replace('/', '.');
                if (isMixed(load(name, anyTestClass.getClassLoader()))) {
                    mixed.add(name);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mixed;
    }

    /**
     * @param type a class
     * @return whether it declares both jqwik and Jupiter test methods
     */
    public static boolean isMixed(Class<?> type) {
        boolean jqwik = false;
        boolean jupiter = false;
        for (Method m : type.getDeclaredMethods()) {
            for (Annotation a : m.getAnnotations()) {
                jqwik |= JQWIK.contains(a.annotationType().getName());
                jupiter |= JUPITER.contains(a.annotationType().getName());
            }
        }
        return jqwik && jupiter;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load test class " + name, e);
        }
    }
}
