package com.verdict.judging;

/**
 * A judge's recorded verdict as a repeated submit needs it: the verdict, to tell a retry from a change of mind, and
 * the points it earned, so that a retry answers the same. {@code goldMatched} is null for pairs that are not gold.
 */
record Judgment(long id, Verdict verdict, boolean tooFast, Boolean goldMatched, Scorekeeper.Reward reward) {
}
