package com.verdict.catalog;

/** The texts that make one Dolly record: an interaction with one of its candidates. */
public record DollySource(long candidateId, String externalId, String instruction, String context,
        Category category, String response, String source) {
}
