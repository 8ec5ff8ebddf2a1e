package com.verdict.people;

import java.time.Instant;
import java.util.Set;

/** A live API token as its owner sees it: never its secret. {@code lastUsedAt} is null until first used. */
public record ApiTokenInfo(long id, String name, Set<TokenScope> scopes, Instant createdAt, Instant lastUsedAt) {

    public ApiTokenInfo {
        scopes = Set.copyOf(scopes);
    }
}
