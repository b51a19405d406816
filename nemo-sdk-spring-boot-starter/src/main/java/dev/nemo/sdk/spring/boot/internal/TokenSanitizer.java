package dev.nemo.sdk.spring.boot.internal;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the SDK's token in Actuator's {@code configprops} and {@code env}: {@code nemo.token} (any
 * relaxed spelling, for example {@code NEMO_TOKEN} or {@code nemo.Token}) and any {@code nemo.*}
 * key ending in {@code token}.
 */
public final class TokenSanitizer implements SanitizingFunction {

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isTokenKey(data.getKey()) && data.getValue() != null ? data.withSanitizedValue() : data;
    }

    /**
     * @param key a property key as the endpoint shows it
     * @return whether it names a NemoVideo token
     */
    public static boolean isTokenKey(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
        return k.startsWith("nemo.") && k.endsWith("token");
    }
}
