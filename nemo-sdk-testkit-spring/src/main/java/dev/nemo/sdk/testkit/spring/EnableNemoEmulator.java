package dev.nemo.sdk.testkit.spring;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.SilentEdits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class ({@code @SpringBootTest}, {@code @WebMvcTest}, …): starts a
 * {@link dev.nemo.sdk.testkit.NemoEmulator} with the application context, points the
 * auto-configured {@code NemoClient} at it and stops it with the context.
 *
 * <ul>
 *   <li>{@code nemo.base-url} is the emulator; credentials are anonymous (an app's {@code nemo.token}
 *       and the {@code NEMO_*} variables are ignored) with a temporary config directory;</li>
 *   <li>the emulator is a bean: {@code @Autowired NemoEmulator emulator} gives the fault DSL
 *       ({@code emulator.faults().on(Endpoint.RUN_SSE).cutMidEvent(1)}) and the recorded requests;</li>
 *   <li>with {@link #fastWaits()} (the default) every SDK wait (export polls, retry backoff,
 *       {@code Retry-After}) lasts at most a millisecond, so the app's 30-second polls cost nothing;
 *       the emulator's renders complete after a number of polls, not after time, so results do not
 *       depend on timing.</li>
 * </ul>
 *
 * <pre>{@code
 * @SpringBootTest
 * @EnableNemoEmulator
 * class CompressServiceIT {
 *     @Autowired CompressService service;
 *     @Autowired NemoEmulator emulator;
 *
 *     @Test
 *     void retriesAfterA503() {
 *         emulator.faults().on(Endpoint.CREDITS).status(503);
 *         assertThat(service.credits()).isEqualTo(100);
 *     }
 * }
 * }</pre>
 *
 * Contexts with the same attributes are cached and share one emulator, as Spring shares the
 * context: reset what a test changes, or use {@code @DirtiesContext}. Without the annotation,
 * {@link NemoEmulatorProperties#register} does the same from a {@code @DynamicPropertySource} method.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnableNemoEmulator {

    /** @return the emulator's seed (ids, tokens, which edits are silent) */
    long seed() default 20261125L;

    /** @return which edits end without text */
    SilentEdits silentEdits() default SilentEdits.SEEDED;

    /** @return the emulator's upload size limit in bytes */
    long uploadLimitBytes() default EmulatorOptions.DEFAULT_UPLOAD_LIMIT;

    /**
     * @return whether every wait of the {@code NemoClient} bean is cut to at most a millisecond (the
     *         {@code ReactiveNemoClient} bean waits on Reactor's timers, which this does not change)
     */
    boolean fastWaits() default true;
}
