package com.verdict.scoring;

/**
 * Krippendorff's alpha (nominal) at the last refit for a {@code scope} (OVERALL, CATEGORY or TEAM) and its
 * {@code name}: 1 is perfect agreement, 0 chance; null when there is nothing to compare. {@code units} pairs with
 * at least two votes, {@code votes} votes in them.
 */
public record Agreement(String scope, String name, Double alpha, int units, long votes) {
}
