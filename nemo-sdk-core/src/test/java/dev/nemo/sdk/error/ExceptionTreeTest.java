package dev.nemo.sdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExceptionTreeTest {

    @Test
    void everyExceptionIsAServiceErrorOrAClientError() throws Exception {
        List<Class<?>> types = exceptionTypes();

        assertThat(types).hasSizeGreaterThan(20);
        for (Class<?> type : types) {
            if (type == NemoException.class) {
                assertThat(Modifier.isAbstract(type.getModifiers()))
                        .as("NemoException is abstract")
                        .isTrue();
                continue;
            }
            boolean service = NemoServiceException.class.isAssignableFrom(type);
            boolean client = NemoClientException.class.isAssignableFrom(type);
            assertThat(service ^ client)
                    .as(type.getSimpleName() + " is in exactly one branch")
                    .isTrue();
        }
    }

    @Test
    void localChecksAreClientErrorsAndServerRefusalsAreServiceErrors() {
        assertThat(NemoClientException.class).isAssignableFrom(UnsupportedMediaException.class);
        assertThat(NemoClientException.class).isAssignableFrom(MediaTooLargeException.class);
        assertThat(NemoClientException.class).isAssignableFrom(StreamTimeoutException.class);
        assertThat(NemoServiceException.class).isAssignableFrom(UnsupportedFileTypeException.class);
        assertThat(NemoServiceException.class).isAssignableFrom(FileTooLargeException.class);
        assertThat(BadRequestException.class).isAssignableFrom(MissingClientIdException.class);
    }

    @Test
    void responseHeadersKeepNoSecrets() {
        ErrorDetails d = ErrorDetails.none()
                .withHeaders(Map.of(
                        "Retry-After", List.of("30"),
                        "Set-Cookie", List.of("session=abc"),
                        "Authorization", List.of("Bearer nmv_usr_secret"),
                        "X-Request-Id", List.of("r-1")));

        NemoServiceException e = new NemoServiceException("x", d, null);

        assertThat(e.responseHeaders()).containsOnlyKeys("retry-after", "x-request-id");
        assertThat(e.responseHeaders().get("retry-after")).containsExactly("30");
        assertThat(e.details().headers()).isEqualTo(e.responseHeaders());
    }

    private static List<Class<?>> exceptionTypes() throws IOException, URISyntaxException {
        Path dir = Path.of(NemoException.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/nemo/sdk/error");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Exception.class"))
                    .<Class<?>>map(n -> load("dev.nemo.sdk.error." + n.substring(0, n.length() - ".class".length())))
                    .filter(Throwable.class::isAssignableFrom)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
