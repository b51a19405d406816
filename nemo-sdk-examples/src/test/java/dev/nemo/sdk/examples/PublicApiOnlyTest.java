package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The examples are what users copy: they may use the SDK's public API only, never its internals. */
class PublicApiOnlyTest {

    @Test
    void noExampleReferencesAnInternalPackage() throws IOException {
        Path sources = Paths.get("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            assertThat(Files.readString(f))
                    .as(f.toString())
                    .doesNotContainPattern("dev\\.nemo\\.sdk(\\.\\w+)*\\.internal");
        }
    }
}
