package dev.nemo.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class (or method) with {@link NemoEmulatorExtension}: parameters of type
 * {@link NemoEmulator} and {@code dev.nemo.sdk.NemoClient} receive a started emulator and a client
 * pointed at it (anonymous credentials, client id {@link #clientId()}, a temporary config
 * directory). Each test method gets a fresh emulator, stopped after it; values injected into a
 * constructor or a {@code @BeforeAll} method live for the whole class.
 *
 * <pre>{@code
 * @NemoEmulatorTest
 * class MyAppTest {
 *     @Test
 *     void exports(NemoClient client, NemoEmulator emulator) { … }
 * }
 * }</pre>
 *
 * For settings the annotation does not cover, register the extension with
 * {@link NemoEmulatorExtension#withOptions(EmulatorOptions)} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(NemoEmulatorExtension.class)
public @interface NemoEmulatorTest {

    /** @return the emulator's seed (ids and which edits are silent) */
    long seed() default 20261125L;

    /** @return which edits end without text */
    SilentEdits silentEdits() default SilentEdits.SEEDED;

    /** @return the upload size limit in bytes (default 200 MB) */
    long uploadLimitBytes() default EmulatorOptions.DEFAULT_UPLOAD_LIMIT;

    /** @return the {@code X-Client-Id} of the injected client */
    String clientId() default NemoEmulatorExtension.DEFAULT_CLIENT_ID;
}
