package com.verdict.people;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal; carries the user's id so that a request needs no lookup to know who it is. */
class SignedInUser extends User {

    private final long id;

    SignedInUser(long id, String username, String passwordHash, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.id = id;
    }

    long id() {
        return id;
    }
}
