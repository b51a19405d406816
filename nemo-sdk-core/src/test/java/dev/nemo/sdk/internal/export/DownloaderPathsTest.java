package dev.nemo.sdk.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.VirtualTime;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DownloaderPathsTest {

    @Test
    void credentialsOnlyForTheApiOriginAndUnderItsPath() {
        URI base = URI.create("https://mega-api-prod.nemovideo.ai");
        assertThat(HttpPipeline.apiPath(URI.create("https://mega-api-prod.nemovideo.ai/r/x.mp4?a=1"), base))
                .isEqualTo("/r/x.mp4?a=1");
        assertThat(HttpPipeline.apiPath(URI.create("https://MEGA-API-PROD.nemovideo.ai:443/r"), base))
                .isEqualTo("/r");
        assertThat(HttpPipeline.apiPath(URI.create("https://static1.nemovideo.ai/r/x.mp4"), base))
                .isNull();
        assertThat(HttpPipeline.apiPath(URI.create("http://mega-api-prod.nemovideo.ai/r/x.mp4"), base))
                .isNull();
        assertThat(HttpPipeline.apiPath(URI.create("https://mega-api-prod.nemovideo.ai:8443/r"), base))
                .isNull();

        URI prefixed = URI.create("https://gw.example.com/nemo");
        assertThat(HttpPipeline.apiPath(URI.create("https://gw.example.com/nemo/api/x"), prefixed))
                .isEqualTo("/api/x");
        assertThat(HttpPipeline.apiPath(URI.create("https://gw.example.com/nemox/api/x"), prefixed))
                .isNull();
        assertThat(HttpPipeline.apiPath(URI.create("https://gw.example.com/other"), prefixed))
                .isNull();
    }

    @Test
    void fileNames() {
        assertThat(Downloader.fileName(job("https://cdn.example.com/render-result/render_1.mp4?sig=x")))
                .isEqualTo("render_1.mp4");
        assertThat(Downloader.fileName(job("https://cdn.example.com/dl"))).isEqualTo("render_9_ab.mp4");
        assertThat(Downloader.fileName(job("https://cdn.example.com/.hidden.gif")))
                .isEqualTo("render_9_ab.gif");
        assertThat(Downloader.fileName(job(null))).isEqualTo("render_9_ab.mp4");
    }

    @Test
    void renderIdsAreUniqueAndCarryTheClock() {
        VirtualTime time = VirtualTime.create();
        String a = RenderIds.next(time);
        String b = RenderIds.next(time);
        assertThat(a).matches("render_" + time.millis() + "_[a-z0-9]{10}");
        assertThat(a).isNotEqualTo(b);
    }

    private static ExportJob job(String url) {
        return ExportJob.fromJson(
                "render_9_ab",
                JsonValue.parse(
                        url == null
                                ? "{\"status\":\"completed\"}"
                                : "{\"status\":\"completed\",\"outputUrl\":\"" + url + "\"}"));
    }
}
