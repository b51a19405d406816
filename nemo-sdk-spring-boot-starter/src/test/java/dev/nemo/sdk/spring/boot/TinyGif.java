package dev.nemo.sdk.spring.boot;

import java.util.Base64;

/** A valid 1x1 GIF, enough for the emulator's upload checks. */
final class TinyGif {
    static final byte[] BYTES = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private TinyGif() {}
}
