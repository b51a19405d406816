package dev.nemo.sdk.testkit.internal;

import java.time.Instant;

/** An issued bearer token; mutable, guarded by the {@link World} lock. */
final class TokenRecord {
    final String token;
    final Account account;
    final Instant expiresAt;
    boolean revoked;

    TokenRecord(String token, Account account, Instant expiresAt) {
        this.token = token;
        this.account = account;
        this.expiresAt = expiresAt;
    }

    boolean liveAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }

    @Override
    public String toString() {
        return "TokenRecord{user=" + account.userId + ", expiresAt=" + expiresAt + ", revoked=" + revoked + '}';
    }
}
