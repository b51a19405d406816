package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.EmulatorAccount;

/** A user account; mutable, guarded by the {@link World} lock. */
final class Account {
    final String userId;
    final String clientId;
    final boolean anonymous;
    long available;
    long frozen;

    Account(String userId, String clientId, boolean anonymous, long available) {
        this.userId = userId;
        this.clientId = clientId;
        this.anonymous = anonymous;
        this.available = available;
    }

    EmulatorAccount snapshot() {
        return new EmulatorAccount(userId, clientId, anonymous, available, frozen);
    }
}
