package com.verdict.people;

import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed with an API token: its owner, with the token's scopes. */
class TokenAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final long tokenId;
    private final String tokenName;
    private final Set<TokenScope> scopes;

    TokenAuthentication(SignedInUser user, long tokenId, String tokenName, Set<TokenScope> scopes) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    long tokenId() {
        return tokenId;
    }

    String tokenName() {
        return tokenName;
    }

    boolean allows(TokenScope scope) {
        return scopes.contains(scope);
    }
}
