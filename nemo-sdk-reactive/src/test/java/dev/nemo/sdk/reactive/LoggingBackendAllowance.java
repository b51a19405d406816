package dev.nemo.sdk.reactive;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The suite logs through slf4j-simple into a file, which writes synchronously; an application
 * picks its own logging backend (typically an asynchronous appender). Only that backend's write is
 * allowed to block: everything the SDK itself does on a Reactor thread is still checked.
 */
public final class LoggingBackendAllowance implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
    }
}
