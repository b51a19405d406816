package dev.nemo.sdk.spring.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Boot application (every auto-configuration on the class path), as a user's app starts. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApp {
    /**
     * Starts the application without a web server.
     *
     * @param properties {@code key=value} properties
     * @return the running context
     */
    public static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
