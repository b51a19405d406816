/**
 * Authentication and attribution: {@link dev.nemo.sdk.auth.Credentials} (explicit token,
 * {@code NEMO_TOKEN}, anonymous token), {@link dev.nemo.sdk.auth.AccessToken} and the
 * {@link dev.nemo.sdk.auth.Attribution} headers.
 */
@NullMarked
package dev.nemo.sdk.auth;

import org.jspecify.annotations.NullMarked;
