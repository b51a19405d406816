package dev.nemo.sdk.json;

/** JSON {@code null}. */
public enum JsonNull implements JsonValue {
    /** The one JSON {@code null}. */
    INSTANCE;

    /** {@return {@code null}} */
    @Override
    public String toString() {
        return "null";
    }
}
