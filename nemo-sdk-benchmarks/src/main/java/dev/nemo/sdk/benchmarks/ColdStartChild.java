package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * One cold start in a fresh JVM, for {@link PairedColdStart}: builds a client (SDK or raw) and makes
 * the first {@code credits().balance()}, then prints {@code ms=… classes=…}. The SDK's configuration
 * directory is created before the clock starts, as the raw side has none.
 */
public final class ColdStartChild {
    private ColdStartChild() {}

    /**
     * @param args {@code sdk} or {@code raw}, the server's base URL, a configuration directory
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[1];
        Path configDirectory = Path.of(args[2]);
        long start = System.nanoTime();
        long available;
        if (args[0].equals("sdk")) {
            try (NemoClient sdk = Clients.sdk(baseUrl, true, configDirectory)) {
                available = sdk.credits().balance().available();
            }
        } else {
            available = Clients.rawBalance(Clients.raw(), Clients.creditsRequest(baseUrl));
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (available < 0) {
            throw new IllegalStateException("unexpected balance " + available);
        }
        System.out.println("ms=" + ms + " classes="
                + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }
}
