package com.verdict.people;

import java.util.List;
import java.util.Set;

/** The accounts demo mode creates; all share the password {@value #PASSWORD}. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    public record DemoAccount(String username, String displayName, String team, Set<Role> roles) {

        public String describe() {
            String what = roles.stream().filter(r -> r != Role.JUDGE).findFirst()
                    .map(r -> r.name().toLowerCase()).orElse("judge");
            return team == null ? what : what + ", " + team;
        }
    }

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "Ada Admin", null, Set.of(Role.ADMIN)),
            new DemoAccount("lead", "Lena Lead", "Platform", Set.of(Role.LEAD)),
            new DemoAccount("engineer", "Emil Engineer", "Research", Set.of(Role.ENGINEER)),
            new DemoAccount("alice", "Alice Andersen", "Platform", Set.of(Role.JUDGE)),
            new DemoAccount("bob", "Bob Baker", "Platform", Set.of(Role.JUDGE)),
            new DemoAccount("carol", "Carol Chen", "Research", Set.of(Role.JUDGE)),
            new DemoAccount("dave", "Dave Diaz", "Research", Set.of(Role.JUDGE)),
            new DemoAccount("erin", "Erin Evans", "Platform", Set.of(Role.JUDGE)),
            new DemoAccount("frank", "Frank Fischer", "Research", Set.of(Role.JUDGE)));

    private DemoAccounts() {
    }
}
