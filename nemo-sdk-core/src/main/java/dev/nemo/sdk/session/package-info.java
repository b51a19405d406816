/** Sessions (projects) and the credit balance. */
package dev.nemo.sdk.session;
