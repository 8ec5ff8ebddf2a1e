package com.verdict.people;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The rules that keep an API token to its scopes; password sign-ins pass them unchanged. */
final class TokenAccess {

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    private TokenAccess() {
    }

    /** Signed in with a password, or with a token that has this scope. */
    static AuthorizationManager<RequestAuthorizationContext> scope(TokenScope scope) {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            boolean granted = auth instanceof TokenAuthentication token ? token.allows(scope) : signedIn(auth);
            return new AuthorizationDecision(granted);
        };
    }

    /** Whatever {@code rule} says, but never for a token. */
    static AuthorizationManager<RequestAuthorizationContext> passwordOnly(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return (authentication, context) -> {
            if (authentication.get() instanceof TokenAuthentication) {
                return new AuthorizationDecision(false);
            }
            AuthorizationResult result = rule.authorize(authentication, context);
            return new AuthorizationDecision(result != null && result.isGranted());
        };
    }

    private static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
    }
}
