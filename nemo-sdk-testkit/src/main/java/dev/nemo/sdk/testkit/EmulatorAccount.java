package dev.nemo.sdk.testkit;

/**
 * A snapshot of an emulated user account.
 *
 * @param userId    for example {@code anon_3f9c…} or {@code user_1}
 * @param clientId  the {@code X-Client-Id} of an anonymous account, else {@code null}
 * @param anonymous whether the account came from an anonymous token
 * @param available credits that can be spent
 * @param frozen    credits reserved by chat edits in progress
 */
public record EmulatorAccount(String userId, String clientId, boolean anonymous, long available, long frozen) {

    /** @return {@code available + frozen} */
    public long total() {
        return available + frozen;
    }
}
