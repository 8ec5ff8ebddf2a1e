package com.verdict.people;

import com.verdict.base.VerdictProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database: the demo accounts in demo mode; otherwise the first admin, whose password must
 * come from {@code VERDICT_ADMIN_PASSWORD} (the app refuses to start without it).
 */
@Component
@Order(1)
class FirstUsers implements ApplicationRunner {

    static final String ADMIN_PASSWORD_VARIABLE = "VERDICT_ADMIN_PASSWORD";
    private static final Logger log = LoggerFactory.getLogger(FirstUsers.class);

    private final PeopleService people;
    private final VerdictProperties properties;
    private final Environment environment;

    FirstUsers(PeopleService people, VerdictProperties properties, Environment environment) {
        this.people = people;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (people.hasUsers()) {
            return;
        }
        if (properties.demo().enabled()) {
            DemoAccounts.ALL.forEach(a -> people.create(
                    new NewUser(a.username(), a.displayName(), a.team(), a.roles(), DemoAccounts.PASSWORD)));
            log.info("Created {} demo accounts (password '{}')", DemoAccounts.ALL.size(), DemoAccounts.PASSWORD);
            return;
        }
        String password = environment.getProperty(ADMIN_PASSWORD_VARIABLE);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("The database has no users and verdict.demo.enabled is false: set the "
                    + "environment variable " + ADMIN_PASSWORD_VARIABLE + " to the password of the first admin, 'admin'");
        }
        people.create(new NewUser("admin", "Administrator", null, Set.of(Role.ADMIN), password));
        log.info("Created the first admin, 'admin'");
    }
}
