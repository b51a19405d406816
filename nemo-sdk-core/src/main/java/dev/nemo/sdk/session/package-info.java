/** Sessions (projects), from {@code client.sessions()}: {@link dev.nemo.sdk.session.SessionsApi} and {@link dev.nemo.sdk.session.Session}. */
@NullMarked
package dev.nemo.sdk.session;

import org.jspecify.annotations.NullMarked;
