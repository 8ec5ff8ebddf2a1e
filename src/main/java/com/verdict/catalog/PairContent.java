package com.verdict.catalog;

/**
 * Everything needed to show a pair: the interaction and its two candidates, {@code a} imported first.
 * {@code goldBest} is the position of the known best response of a gold interaction, else null, and
 * {@code goldWhy} why it is better, if the import said.
 */
public record PairContent(long pairId, long interactionId, String externalId, String instruction, String context,
        Category category, CandidateView a, CandidateView b, Integer goldBest, String goldWhy) {
}
