package dev.nemo.sdk.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlatformDetectorTest {
    private final Path home = Path.of("/home/ann");

    @Test
    void clawhubWhenCodeOrWorkingDirectoryIsUnderIt() {
        assertThat(PlatformDetector.detect(home, Path.of("/tmp"), home.resolve(".clawhub/skills/x/lib/sdk.jar")))
                .isEqualTo("clawhub");
        assertThat(PlatformDetector.detect(home, home.resolve(".clawhub/work"), Path.of("/opt/app.jar")))
                .isEqualTo("clawhub");
    }

    @Test
    void cursorUnderCursorSkills() {
        assertThat(PlatformDetector.detect(home, home.resolve(".cursor/skills/gif"), null))
                .isEqualTo("cursor");
        assertThat(PlatformDetector.detect(home, home.resolve(".cursor/other"), null))
                .isEqualTo("unknown");
    }

    @Test
    void unknownOtherwise() {
        assertThat(PlatformDetector.detect(home, Path.of("/srv/app"), Path.of("/srv/app/lib.jar")))
                .isEqualTo("unknown");
        assertThat(PlatformDetector.detect(null, null, null)).isEqualTo("unknown");
        assertThat(PlatformDetector.detect(home, home.resolve(".clawhubber"), null))
                .isEqualTo("unknown");
    }
}
