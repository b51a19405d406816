package dev.nemo.sdk.json;

/** JSON {@code true} or {@code false}. */
public enum JsonBoolean implements JsonValue {
    /** JSON {@code true}. */
    TRUE,
    /** JSON {@code false}. */
    FALSE;

    /**
     * {@return {@link #TRUE} or {@link #FALSE}}
     *
     * @param value a boolean
     */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** {@return the value} */
    public boolean value() {
        return this == TRUE;
    }

    /** {@return {@code true} or {@code false}} */
    @Override
    public String toString() {
        return value() ? "true" : "false";
    }
}
