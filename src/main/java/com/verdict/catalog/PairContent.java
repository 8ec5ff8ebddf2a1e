package com.verdict.catalog;

/** Everything needed to show a pair: the interaction and its two candidates, {@code a} imported first. */
public record PairContent(long pairId, long interactionId, String externalId, String instruction, String context,
        Category category, CandidateView a, CandidateView b) {
}
