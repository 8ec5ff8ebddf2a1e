package com.verdict;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running app on a random port for real-browser tests: the settings of {@link VerdictTest}, but with
 * demo data (accounts with password "demo", demo interactions) on a private in-memory database. Every
 * browser test class shares this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:verdict-browser-test;DB_CLOSE_DELAY=-1",
        "verdict.demo.enabled=true",
        "VERDICT_ADMIN_PASSWORD=admin-test-password",
        "verdict.judging.min-reading-time=0s",
        "verdict.judging.judgments-per-pair=3",
        "verdict.rounds.size=10",
        "vaadin.devmode.devTools.enabled=false"})
public @interface BrowserTest {
}
