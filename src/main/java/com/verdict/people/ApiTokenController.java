package com.verdict.people;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An engineer's own API tokens. Only a password sign-in reaches these: a token cannot make more tokens. */
@RestController
@RequestMapping("/api/tokens")
@PreAuthorize("hasRole('ENGINEER')")
class ApiTokenController {

    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    ApiTokenController(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<NewApiToken> create(@RequestBody TokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(currentUser.id(), request.name(), request.scopes()));
    }

    @GetMapping
    List<TokenResponse> list() {
        return tokens.list(currentUser.id()).stream().map(TokenResponse::of).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(currentUser.id(), id);
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(String name, List<String> scopes) {
    }

    record TokenResponse(long id, String name, List<String> scopes, String createdAt, String lastUsedAt) {

        static TokenResponse of(ApiTokenInfo token) {
            return new TokenResponse(token.id(), token.name(),
                    token.scopes().stream().map(TokenScope::key).sorted().toList(), token.createdAt().toString(),
                    token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        }
    }
}
