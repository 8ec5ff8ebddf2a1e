package com.verdict.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads the account a sign-in names. Every REST call with HTTP Basic comes through here, so it is one plain
 * query for the account and its roles rather than an entity load, and an account read is kept for
 * {@link #KEPT}: under load that query took an eighth of the CPU of the threads serving the API.
 * {@link PeopleService} forgets an account as soon as its change commits, so on this instance a disabled account, a
 * new password or new roles count at once; another instance on the same database sees the change within
 * {@link #KEPT}. Whether an account is locked for failed sign-ins is never kept: it is asked on every call.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    static final Duration KEPT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final LoginThrottle throttle;
    private final Cache<String, List<Row>> accounts = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumSize(50_000)
            .executor(Runnable::run)
            .build();

    AccountDetailsService(JdbcTemplate jdbc, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    /** Reads the account again at its next sign-in: it has just changed. */
    void forget(String username) {
        accounts.invalidate(username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // An unknown name is kept too: a script retrying a wrong name must not cost a query each time.
        List<Row> rows = accounts.get(username, name -> jdbc.query("""
                select u.id, u.username, u.password_hash, u.enabled, r.role
                from app_user u left join user_role r on r.user_id = u.id where u.username = ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)),
                name));
        if (rows.isEmpty()) {
            throw new UsernameNotFoundException("No such user");
        }
        Row account = rows.get(0);
        return SignedInUser.withRoles(account.id(), account.username(), account.passwordHash(), account.enabled(),
                !throttle.isLocked(username), rows.stream().map(Row::role).toList());
    }

    private record Row(long id, String username, String passwordHash, boolean enabled, String role) {
    }
}
