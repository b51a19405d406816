package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.Renderer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class RenderServiceTest {

    private static Renderer renderer(String name, boolean available) {
        return new Renderer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isAvailable() {
                return available;
            }

            @Override
            public RenderOutput render(RenderInput request) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Yields the given items; an exception item is thrown from next(), as ServiceLoader does for a broken provider. */
    private static Iterator<Renderer> providers(Object... items) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < items.length;
            }

            @Override
            public Renderer next() {
                if (i >= items.length) {
                    throw new NoSuchElementException();
                }
                Object o = items[i++];
                if (o instanceof Error e) {
                    throw e;
                }
                return (Renderer) o;
            }
        };
    }

    @Test
    void skipsUnavailableAndBrokenProviders() {
        Renderer chosen = RenderService.firstAvailable(providers(
                renderer("no-natives", false),
                new ServiceConfigurationError("provider could not be instantiated"),
                new UnsatisfiedLinkError("no libavcodec"),
                renderer("ffmpeg", true),
                renderer("later", true)));
        assertThat(chosen.name()).isEqualTo("ffmpeg");
    }

    @Test
    void fallsBackToThePassthroughWhenNoneIsAvailable() {
        assertThat(RenderService.firstAvailable(providers(renderer("no-natives", false)))
                        .name())
                .isEqualTo(PassthroughRenderer.NAME);
        assertThat(RenderService.firstAvailable(List.<Renderer>of().iterator()).name())
                .isEqualTo(PassthroughRenderer.NAME);
    }

    @Test
    void aRendererIsAvailableByDefault() {
        Renderer plain = new PassthroughRenderer();
        assertThat(plain.isAvailable()).isTrue();
    }
}
