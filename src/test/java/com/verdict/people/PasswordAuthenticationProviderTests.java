package com.verdict.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordAuthenticationProviderTests {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final Map<String, UserDetails> accounts = new HashMap<>();
    /** The remembered passwords' clock, in nanoseconds: it moves only when a test moves it. */
    private final AtomicLong clock = new AtomicLong();
    private final PasswordAuthenticationProvider provider = new PasswordAuthenticationProvider(name -> {
        UserDetails user = accounts.get(name);
        if (user == null) {
            throw new UsernameNotFoundException(name);
        }
        return user;
    }, counting, clock::get);

    private void account(String password, boolean enabled, boolean unlocked) {
        accounts.put("ada", new User("ada", bcrypt.encode(password), enabled, true, true, unlocked,
                List.of(new SimpleGrantedAuthority("ROLE_JUDGE"))));
    }

    private Authentication signIn(String password) {
        return provider.authenticate(new UsernamePasswordAuthenticationToken("ada", password));
    }

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgain() {
        account("correct horse", true, true);
        assertThat(signIn("correct horse").isAuthenticated()).isTrue();
        assertThat(signIn("correct horse").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_JUDGE");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aPasswordInUseStaysRememberedAndOneUnusedForLongIsCheckedAgain() {
        account("correct horse", true, true);
        signIn("correct horse");
        Duration lessThanRemembered = PasswordAuthenticationProvider.REMEMBERED.minusSeconds(30);
        for (int request = 0; request < 12; request++) {
            clock.addAndGet(lessThanRemembered.toNanos());
            assertThat(signIn("correct horse").isAuthenticated()).isTrue();
        }
        assertThat(checks).as("BCrypt checks over an hour of use").hasValue(1);

        clock.addAndGet(PasswordAuthenticationProvider.REMEMBERED.plusSeconds(1).toNanos());
        assertThat(signIn("correct horse").isAuthenticated()).isTrue();
        assertThat(checks).as("BCrypt checks after a pause").hasValue(2);
    }

    @Test
    void aWrongPasswordIsStillRefusedAfterTheRightOneWasRemembered() {
        account("correct horse", true, true);
        signIn("correct horse");
        assertThatThrownBy(() -> signIn("correct horsf")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("")).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordEndsTheOldOneAtOnce() {
        account("old password", true, true);
        signIn("old password");
        account("new password", true, true);
        assertThatThrownBy(() -> signIn("old password")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("new password").isAuthenticated()).isTrue();
    }

    @Test
    void aLockedOrDisabledAccountIsRefusedThoughItsPasswordWasRemembered() {
        account("correct horse", true, true);
        signIn("correct horse");
        String hash = accounts.get("ada").getPassword();
        accounts.put("ada", User.withUsername("ada").password(hash).roles("JUDGE").accountLocked(true).build());
        assertThatThrownBy(() -> signIn("correct horse")).isInstanceOf(LockedException.class);
        accounts.put("ada", User.withUsername("ada").password(hash).roles("JUDGE").disabled(true).build());
        assertThatThrownBy(() -> signIn("correct horse")).isInstanceOf(DisabledException.class);
    }
}
