package com.verdict.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in (login form and HTTP Basic) that remembers which passwords it has verified while they are in
 * use, and forgets one unused for {@link #REMEMBERED}. BCrypt is slow on purpose, about 70 ms of CPU a check, and a
 * script judging or exporting over the REST API with HTTP Basic sends the password with every request: without
 * this the API would spend nearly all its time re-checking passwords. Only a keyed hash of a verified password is
 * kept (the key lives in this process's memory alone), tied to the account's stored hash: a changed password
 * misses at once, and the account is loaded on every request, so a disabled or locked account is refused at once
 * too.
 * <p>
 * Forgetting a fixed time after the check, as this did before, made clients that signed in together check again
 * together: 200 scripted judges started at once cost 14 s of CPU every 5 minutes, all at the same moment, and
 * stalled judging for seconds on two cores (docs/BENCHMARKS.md).
 */
class PasswordAuthenticationProvider extends DaoAuthenticationProvider {

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final Cache<String, byte[]> verified;
    private final SecretKeySpec key;

    PasswordAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
        this(users, encoder, Ticker.systemTicker());
    }

    PasswordAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, Ticker clock) {
        super(users);
        verified = Caffeine.newBuilder()
                .expireAfterAccess(REMEMBERED)
                .maximumSize(50_000)
                .ticker(clock)
                .build();
        setPasswordEncoder(encoder);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        String account = user.getUsername() + '\n' + user.getPassword();
        byte[] presented = keyedHash(credentials.toString());
        byte[] known = verified.getIfPresent(account);
        if (known != null && MessageDigest.isEqual(known, presented)) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication);
        verified.put(account, presented);
    }

    private byte[] keyedHash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
