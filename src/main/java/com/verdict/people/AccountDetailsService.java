package com.verdict.people;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads the account a sign-in names. Every REST call with HTTP Basic comes through here, so it is one plain
 * query for the account and its roles rather than an entity load.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final LoginThrottle throttle;

    AccountDetailsService(JdbcTemplate jdbc, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<Row> rows = jdbc.query("""
                select u.id, u.username, u.password_hash, u.enabled, r.role
                from app_user u left join user_role r on r.user_id = u.id where u.username = ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)),
                username);
        if (rows.isEmpty()) {
            throw new UsernameNotFoundException("No such user");
        }
        Row account = rows.get(0);
        List<GrantedAuthority> roles = new ArrayList<>();
        for (Row row : rows) {
            if (row.role() != null) {
                roles.add(new SimpleGrantedAuthority("ROLE_" + row.role()));
            }
        }
        return new SignedInUser(account.id(), account.username(), account.passwordHash(), account.enabled(),
                !throttle.isLocked(username), roles);
    }

    private record Row(long id, String username, String passwordHash, boolean enabled, String role) {
    }
}
