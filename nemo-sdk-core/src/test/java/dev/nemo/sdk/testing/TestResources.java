package dev.nemo.sdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Folders of test resources kept in the core test jar ({@code fixtures/adk-java}, {@code corpus}), as
 * real directories: other modules see the test jar as a jar, so its folders are copied once per JVM
 * into a temporary directory.
 */
public final class TestResources {
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private TestResources() {}

    /**
     * A resource folder as a directory.
     *
     * @param folder e.g. {@code fixtures/adk-java}
     * @return the directory holding the folder's files
     * @throws IllegalStateException when the folder is not on the class path (a broken build)
     */
    public static Path directory(String folder) {
        return EXTRACTED.computeIfAbsent(folder, TestResources::locate);
    }

    private static Path locate(String folder) {
        URL url = TestResources.class.getClassLoader().getResource(folder + "/PROVENANCE.md");
        if (url == null) {
            throw new IllegalStateException("test resource folder " + folder + " (with PROVENANCE.md) is not on the "
                    + "class path: it belongs in nemo-sdk-core/src/test/resources");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("file")) {
                return Path.of(uri).getParent();
            }
            return extract(uri, folder);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path extract(URI uri, String folder) throws IOException {
        Path target = Files.createTempDirectory("nemo-test-" + folder.replace('/', '-'));
        target.toFile().deleteOnExit();
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of());
                Stream<Path> files = Files.walk(jar.getPath(folder))) {
            Path root = jar.getPath(folder);
            for (Path p : (Iterable<Path>) files::iterator) {
                Path out = target.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out);
                }
                out.toFile().deleteOnExit();
            }
        }
        return target;
    }
}
