package com.verdict.people;

import java.util.Set;

/** A user as other features see them. {@code team} is null for users outside any team. */
public record Person(long id, String username, String displayName, String team, Set<Role> roles) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
