package com.verdict.catalog;

/**
 * The texts that make one Dolly record: an interaction with one of its candidates; {@code retired} if the
 * interaction was retired, so that an export can say so.
 */
public record DollySource(long candidateId, String externalId, String instruction, String context,
        Category category, String response, String source, boolean retired) {
}
