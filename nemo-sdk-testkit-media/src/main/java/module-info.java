/**
 * The optional media engine of the NemoVideo testkit: renders drafts into real MP4 and GIF files
 * with FFmpeg (JavaCPP), and plugs into the emulator as its {@code Renderer}. <b>Pulls GPL native
 * code</b> (FFmpeg with libx264); for local demos and tests only, never shaded into a library
 * artifact.
 */
module dev.nemo.sdk.testkit.media {
    requires transitive dev.nemo.sdk.testkit;
    requires java.desktop;
    requires com.fasterxml.jackson.databind;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.ffmpeg;
    requires org.slf4j;
    requires com.twelvemonkeys.imageio.webp;

    exports dev.nemo.sdk.testkit.media;

    provides dev.nemo.sdk.testkit.Renderer with
            dev.nemo.sdk.testkit.media.FfmpegRenderer;
}
