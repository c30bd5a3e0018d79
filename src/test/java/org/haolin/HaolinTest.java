package org.haolin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the whole application on the shared embedded PostgreSQL, with {@link TestTown}
 * available to build a fresh, independent town per test, and MockMvc for pages and API. All tests that use
 * it share one application context: do not add per-class properties or mock beans. Time that decides
 * something comes from {@link MovableClock}, which a test may move forward.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestTown.class, MovableClock.class})
public @interface HaolinTest {
}
