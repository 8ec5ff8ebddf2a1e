package com.verdict;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A full application on a private in-memory H2 database (or the database named by the system property
 * {@code verdict.test.datasource.url}, e.g. PostgreSQL in CI's second pass) and a random port, without demo
 * data, reading time 0s, and no scheduled scoring refit (tests refit when they mean to), with MockMvc and
 * TestRestTemplate for the REST API. Every test
 * class with the same settings shares one Spring context, so keep them the same where you can. No test starts in the
 * last seconds of a day ({@link AwayFromMidnight}).
 */
@ExtendWith(AwayFromMidnight.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@SpringBootTest(properties = {
        "spring.datasource.url=${verdict.test.datasource.url:jdbc:h2:mem:verdict-test;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${verdict.test.datasource.username:sa}",
        "spring.datasource.password=${verdict.test.datasource.password:}",
        "verdict.demo.enabled=false",
        "VERDICT_ADMIN_PASSWORD=admin-test-password",
        "verdict.judging.min-reading-time=0s",
        "verdict.judging.judgments-per-pair=3",
        "verdict.rounds.size=10",
        "verdict.scoring.refit-interval=0s",
        // Boards written in each judgment's transaction, so a test reads them as soon as a call returns; the
        // browser tests, the two-instance and crash tests and BoardFoldingTests run with the default fold.
        "verdict.leaderboard.fold-interval=0s"})
public @interface VerdictTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;
}
