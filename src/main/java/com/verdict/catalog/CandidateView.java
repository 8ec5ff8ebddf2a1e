package com.verdict.catalog;

/** A candidate response as other features see it. {@code position} is its 0-based index in the import. */
public record CandidateView(long id, int position, String text, String source) {
}
