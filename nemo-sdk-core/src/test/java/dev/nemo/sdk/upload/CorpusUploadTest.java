package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestCorpus;
import dev.nemo.sdk.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads every real file of the corpus (the in-repository subset, plus the full shared corpus when
 * present) to a local HTTP server that parses the multipart
 * body with the independent strict parser, and compares every part byte for byte (sha256 against
 * SOURCES.tsv), with its field name, file name and content type.
 */
class CorpusUploadTest {
    @TempDir
    Path dir;

    LocalUploadServer server;
    NemoClient client;

    @BeforeEach
    void start() throws IOException {
        server = new LocalUploadServer(true);
        client = NemoClient.builder()
                .baseUrl(server.baseUrl())
                .token(TestTokens.EXPLICIT)
                .environment(Map.of())
                .configDirectory(dir)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static String expectedContentType(TestCorpus.Entry e) {
        return MediaFormat.mimeTypeFor(e.file(), CorpusSniffTest.expected(e));
    }

    void assertReceivedExactly(List<TestCorpus.Entry> entries, LocalUploadServer.Received r) {
        List<StrictMultipartParser.Part> parts = StrictMultipartParser.parse(r.contentType(), r.body());
        assertThat(parts).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            TestCorpus.Entry e = entries.get(i);
            StrictMultipartParser.Part p = parts.get(i);
            assertThat(p.name()).as(e.file()).isEqualTo("files");
            assertThat(p.fileName())
                    .as(e.file())
                    .isEqualTo(e.path().getFileName().toString());
            assertThat(p.contentType()).as(e.file()).isEqualTo(expectedContentType(e));
            assertThat(p.sha256()).as(e.file()).isEqualTo(e.sha256());
        }
    }

    @Test
    void everyCorpusFileArrivesIntactFromPaths() throws Exception {
        List<TestCorpus.Entry> entries = TestCorpus.entries();
        List<MediaSource> sources = new ArrayList<>();
        entries.forEach(e -> sources.add(MediaSource.of(e.path())));

        UploadResult result = client.uploads().upload("corpus-session", sources);

        LocalUploadServer.Received r = server.next();
        assertThat(r.contentLength()).isEqualTo(String.valueOf(r.body().length));
        assertReceivedExactly(entries, r);
        assertThat(result.files())
                .extracting(f -> f.hash().orElseThrow())
                .containsExactlyElementsOf(
                        entries.stream().map(TestCorpus.Entry::sha256).toList());
        assertThat(result.sessionStateApplied()).contains(true);
    }

    @Test
    void everyCorpusFileArrivesIntactFromStreamsOfKnownAndUnknownLength() throws Exception {
        List<TestCorpus.Entry> entries = TestCorpus.entries();
        List<MediaSource> sources = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TestCorpus.Entry e = entries.get(i);
            String name = e.path().getFileName().toString();
            if (i % 2 == 0) {
                sources.add(MediaSource.ofInputStream(name, e.bytes(), () -> open(e.path())));
            } else {
                sources.add(MediaSource.ofPublisher(
                        name,
                        MediaSource.UNKNOWN_LENGTH,
                        HttpRequest.BodyPublishers.ofInputStream(() -> open(e.path()))));
            }
        }
        client.uploads().upload("corpus-session", sources);

        LocalUploadServer.Received r = server.next();
        assertThat(r.contentLength()).as("some lengths are unknown").isNull();
        assertThat(r.transferEncoding()).isEqualToIgnoringCase("chunked");
        assertReceivedExactly(entries, r);
    }

    @Test
    void edgeFilesOneByOne() throws Exception {
        for (TestCorpus.Entry e : TestCorpus.entries()) {
            if (!e.category().equals("edge")) {
                continue;
            }
            UploadResult result = client.uploads().upload("edge", e.path());
            LocalUploadServer.Received r = server.next();
            assertReceivedExactly(List.of(e), r);
            assertThat(result.files().get(0).fileName())
                    .contains(e.path().getFileName().toString());
        }
    }

    private static java.io.InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
