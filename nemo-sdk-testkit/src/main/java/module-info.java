/**
 * The NemoVideo testkit: an in-process emulator of the NemoVideo API, fault injection, a render
 * plug-in point for media engines, and a JUnit 5 extension.
 */
module dev.nemo.sdk.testkit {
    requires transitive dev.nemo.sdk;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires static org.junit.jupiter.api;

    exports dev.nemo.sdk.testkit;

    uses dev.nemo.sdk.testkit.Renderer;
}
