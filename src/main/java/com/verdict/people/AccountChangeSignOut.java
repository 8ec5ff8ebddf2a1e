package com.verdict.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a browser session out when its account changed after it signed in: disabled, deleted, given other roles or
 * a new password. A session keeps the principal it signed in with, so without this a lead who lost the role would
 * keep the Catalog (sources, gold answers) and a disabled account would keep judging for as long as its tab stays
 * open. Every request of the UI reads the account through {@link AccountDetailsService}, which keeps a read for a
 * few seconds and forgets it as soon as {@link PeopleService} changes the account; the session then ends, and the
 * browser's next request goes to the login view. The REST API needs none of this: it signs in on every call.
 */
class AccountChangeSignOut extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountChangeSignOut.class);

    private final AccountDetailsService accounts;

    AccountChangeSignOut(AccountDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user && !stillValid(user)) {
            log.info("Signed out a session of {}: the account changed since it signed in", user.getUsername());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(SignedInUser user) {
        try {
            return accounts.loadUserByUsername(user.getUsername()) instanceof SignedInUser now
                    && user.stillMatches(now);
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
