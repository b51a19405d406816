package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link of the README and the docs points at a file of this repository. */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void relativeLinksResolveInsideTheRepository() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"));
                Stream<Path> modules = Files.list(ROOT)) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
            modules.map(m -> m.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                Path resolved = page.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + " -> " + m.group(1));
                }
            }
        }
        assertThat(pages).as("pages checked").contains(ROOT.resolve("docs/testkit.md"));
        assertThat(broken).as("links to nothing in the repository").isEmpty();
    }

    @Test
    void theTestkitGuideLinksTheContractInTheRepository() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/testkit.md"))).contains("](api-contract.md)");
        assertThat(ROOT.resolve("docs/api-contract.md")).isRegularFile();
    }
}
