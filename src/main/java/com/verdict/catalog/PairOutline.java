package com.verdict.catalog;

/**
 * A pair without its texts: which interaction, which two responses (by import index) and their sources.
 * {@code a} is the pair's first candidate, the one imported first.
 */
public record PairOutline(long pairId, long interactionId, String externalId, Category category, boolean retired,
        Side a, Side b) {

    public record Side(long candidateId, int position, String source) {
    }
}
