package com.verdict.people;

import com.verdict.base.ApiException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is making the current request or using the current view. */
@Component
public class CurrentUser {

    private final PeopleService people;

    CurrentUser(PeopleService people) {
        this.people = people;
    }

    public long id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return user.id();
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "Authentication required");
    }

    public Person person() {
        return people.find(id()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Unknown user"));
    }

    /** The name of the API token the current request is signed with; empty for a password sign-in. */
    public Optional<String> tokenName() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
                ? Optional.of(token.tokenName())
                : Optional.empty();
    }
}
