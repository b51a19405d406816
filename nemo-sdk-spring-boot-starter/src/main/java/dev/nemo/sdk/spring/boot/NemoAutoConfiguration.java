package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.spring.boot.internal.PropertiesMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link NemoClient} from {@code nemo.*} properties, then every
 * {@link NemoClientBuilderCustomizer} bean in order. The client is closed with the application
 * context. Backs off when the application defines its own {@link NemoClient}.
 */
@AutoConfiguration
@ConditionalOnClass(NemoClient.class)
@EnableConfigurationProperties(NemoProperties.class)
public class NemoAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoAutoConfiguration() {}

    /**
     * @param properties  the {@code nemo.*} properties
     * @param customizers the customizer beans, applied in order after the properties
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public NemoClient nemoClient(NemoProperties properties, ObjectProvider<NemoClientBuilderCustomizer> customizers) {
        NemoClient.Builder builder = PropertiesMapper.builder(properties);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The export polling of {@code nemo.polling.*}, for {@code ExportOptions.builder().polling(..)}
     * and {@code exports().resume(renderId, polling)}.
     *
     * @param properties the {@code nemo.*} properties
     * @return the polling strategy
     */
    @Bean
    @ConditionalOnMissingBean
    public PollingStrategy nemoPollingStrategy(NemoProperties properties) {
        return PropertiesMapper.polling(properties.getPolling());
    }
}
