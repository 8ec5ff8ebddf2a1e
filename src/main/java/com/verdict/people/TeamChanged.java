package com.verdict.people;

/**
 * Published inside the transaction that moves a user to another team, or out of their team ({@code team} null);
 * {@code previousTeam} is null for a user who had none.
 */
public record TeamChanged(long userId, String previousTeam, String team) {
}
