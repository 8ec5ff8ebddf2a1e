package com.verdict;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Starts one more Verdict in the test JVM, beside the shared test context, without disturbing it. */
public final class InJvmApp {

    private InJvmApp() {
    }

    /** Command-line arguments override config/application.yml, which the working directory supplies. */
    public static ConfigurableApplicationContext start(String... args) {
        // Vaadin installs its security context strategy JVM-wide on start: give the shared context its own back.
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new SpringApplicationBuilder(VerdictApplication.class).run(args);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
