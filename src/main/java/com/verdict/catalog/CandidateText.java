package com.verdict.catalog;

/**
 * A candidate response with its interaction's texts, byte for byte as imported: what one record of a dataset
 * export is made of. {@code position} is the response's 0-based index in the import.
 */
public record CandidateText(long candidateId, long interactionId, String externalId, String instruction,
        String context, Category category, int position, String text, String source, boolean retired) {
}
