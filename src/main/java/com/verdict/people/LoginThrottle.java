package com.verdict.people;

import com.verdict.base.VerdictProperties;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code verdict.security.max-failed-logins} failures in a row an account is
 * locked for {@code verdict.security.lockout}, whether the guesses come through the login form or the API.
 * Kept per instance: behind a load balancer each instance locks on its own count, which still bounds guessing.
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final VerdictProperties properties;

    LoginThrottle(VerdictProperties properties) {
        this.properties = properties;
    }

    boolean isLocked(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && Instant.now().isBefore(f.lockedUntil());
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        failures.compute(username, (name, f) -> {
            Instant now = Instant.now();
            int count = f == null || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil())) ? 1 : f.count() + 1;
            Instant lockedUntil = count >= properties.security().maxFailedLogins()
                    ? now.plus(properties.security().lockout()) : null;
            return new Failures(count, lockedUntil);
        });
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }
}
