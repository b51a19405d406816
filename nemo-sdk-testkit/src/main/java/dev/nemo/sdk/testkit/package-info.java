/**
 * An in-process NemoVideo emulator for tests and demos ({@link dev.nemo.sdk.testkit.NemoEmulator}),
 * its fault injection API ({@link dev.nemo.sdk.testkit.Faults}), the render plug-in point
 * ({@link dev.nemo.sdk.testkit.Renderer}) and a JUnit 5 extension
 * ({@link dev.nemo.sdk.testkit.NemoEmulatorTest}).
 */
package dev.nemo.sdk.testkit;
