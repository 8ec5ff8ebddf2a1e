package com.verdict.people;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The security principal; carries the user's id so that a request needs no lookup to know who it is, and a stamp
 * of the password it signed in with, which outlives the password itself (erased after sign-in), so that a session
 * can tell when the password changed since ({@link AccountChangeSignOut}).
 */
class SignedInUser extends User {

    private final long id;
    private final int passwordStamp;

    SignedInUser(long id, String username, String passwordHash, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.id = id;
        this.passwordStamp = Objects.hashCode(passwordHash);
    }

    /**
     * The principal of an account read with its roles: {@code roles} are the role names of the account's rows (null
     * on a row of an account without roles).
     */
    static SignedInUser withRoles(long id, String username, String passwordHash, boolean enabled,
            boolean accountNonLocked, Collection<String> roles) {
        return new SignedInUser(id, username, passwordHash, enabled, accountNonLocked, roles.stream()
                .filter(Objects::nonNull).<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList());
    }

    long id() {
        return id;
    }

    /**
     * Whether a session signed in as this principal still speaks for the account as {@code now} reads it: same
     * password, roles and enabled. (BCrypt hashes carry a fresh salt each time, so a new password, even the same
     * one again, always has another hash.)
     */
    boolean stillMatches(SignedInUser now) {
        return now.id == id && now.isEnabled() && now.passwordStamp == passwordStamp
                && Set.copyOf(now.getAuthorities()).equals(Set.copyOf(getAuthorities()));
    }
}
