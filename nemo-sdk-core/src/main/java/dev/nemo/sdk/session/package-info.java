/** Sessions (projects), from {@code client.sessions()}: {@link dev.nemo.sdk.session.SessionsApi} and {@link dev.nemo.sdk.session.Session}. */
package dev.nemo.sdk.session;
