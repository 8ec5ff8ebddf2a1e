package com.verdict.people;

import java.util.Collection;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal; carries the user's id so that a request needs no lookup to know who it is. */
class SignedInUser extends User {

    private final long id;

    SignedInUser(long id, String username, String passwordHash, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.id = id;
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
}
