package com.verdict.people;

/** A token just created. {@code token} is its secret: shown this once, never stored. */
public record NewApiToken(long id, String token) {
}
