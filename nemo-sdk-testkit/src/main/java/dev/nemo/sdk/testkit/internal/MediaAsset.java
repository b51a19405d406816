package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.SourceMedia;

/** An uploaded file of a session. Immutable. */
final class MediaAsset {
    final String id;
    final String filename;
    final MediaInfo info;
    final byte[] bytes;
    final String cdnUrl;
    final String hash;

    MediaAsset(String id, String filename, MediaInfo info, byte[] bytes, String cdnUrl, String hash) {
        this.id = id;
        this.filename = filename;
        this.info = info;
        this.bytes = bytes;
        this.cdnUrl = cdnUrl;
        this.hash = hash;
    }

    SourceMedia toSource() {
        return new SourceMedia(
                cdnUrl, filename, info.kind().mimeType(), bytes, info.width(), info.height(), info.duration());
    }
}
