package com.verdict.judging;

/**
 * A judge's recorded verdict as a repeated submit needs it: it keeps the points it earned so that the repeat
 * answers the same. {@code goldMatched} is null for pairs that are not gold.
 */
record Judgment(long id, boolean tooFast, Boolean goldMatched, Scorekeeper.Reward reward) {
}
