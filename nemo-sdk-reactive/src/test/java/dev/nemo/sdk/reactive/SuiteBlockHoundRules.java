package dev.nemo.sdk.reactive;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The suite's BlockHound rules, on top of BlockHound's defaults.
 * <ul>
 *   <li>Reading a file through NIO ({@code Files.newInputStream}, {@code FileChannel}) counts as
 *       blocking too: BlockHound's defaults cover only {@code java.io} streams, and the SDK reads
 *       files (upload checks) that way.</li>
 *   <li>The suite logs through slf4j-simple into a file, which writes synchronously; an
 *       application picks its own logging backend (typically an asynchronous appender). Only that
 *       backend's write may block: everything the SDK itself does is still checked.</li>
 * </ul>
 */
public final class SuiteBlockHoundRules implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.markAsBlocking("sun.nio.ch.FileChannelImpl", "read", "(Ljava/nio/ByteBuffer;)I");
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
    }
}
