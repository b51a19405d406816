package dev.nemo.sdk.testkit.spring.internal;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.testkit.spring.EnableNemoEmulator;

/**
 * The annotation's attributes as a value: equal settings give equal customizers, so Spring's
 * context cache shares one context (and one emulator) between them.
 *
 * @param seed             emulator seed
 * @param silentEdits      silent edits
 * @param uploadLimitBytes upload limit
 * @param fastWaits        whether SDK waits are cut short
 */
record EmulatorSettings(long seed, SilentEdits silentEdits, long uploadLimitBytes, boolean fastWaits) {

    static EmulatorSettings of(EnableNemoEmulator a) {
        return new EmulatorSettings(a.seed(), a.silentEdits(), a.uploadLimitBytes(), a.fastWaits());
    }

    EmulatorOptions options() {
        return EmulatorOptions.builder()
                .seed(seed)
                .silentEdits(silentEdits)
                .uploadLimitBytes(uploadLimitBytes)
                .build();
    }
}
