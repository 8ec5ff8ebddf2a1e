package com.verdict.people;

/**
 * Published inside the transaction that deletes a team (one without members): whatever keeps the team's name and must
 * keep it may refuse with an exception, which rolls the deletion back.
 */
public record TeamDeleted(String name) {
}
