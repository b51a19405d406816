package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.spring.boot.internal.TokenSanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the token out of Actuator: {@code nemo.token} and {@code NEMO_TOKEN} are masked by the
 * {@code configprops} and {@code env} endpoints even with {@code show-values=ALWAYS}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class NemoActuatorAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoActuatorAutoConfiguration() {}

    /** @return the sanitizing function masking the token */
    @Bean
    public SanitizingFunction nemoTokenSanitizer() {
        return new TokenSanitizer();
    }
}
