package com.verdict.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One valid import line. {@code responses} are the candidates in position order (a Dolly {@code response}
 * comes last); {@code goldBest} is the position of the known better one of a gold interaction, else null;
 * {@code tags} are distinct and sorted.
 */
record ParsedInteraction(long line, String externalId, String instruction, String context, Category category,
        List<Response> responses, Integer goldBest, String goldWhy, List<String> tags) {

    static final String REFERENCE_SOURCE = "reference";
    static final String UNKNOWN_SOURCE = "unknown";

    record Response(String text, String source) {
    }

    /**
     * Same content as what is stored, so a re-import of it is a no-op. Tags as sets: Java sorts the parsed ones, the
     * database the stored ones in its collation, and on PostgreSQL those orders differ ("_x", "A" against "A", "_x").
     */
    boolean sameContentAs(ParsedInteraction other) {
        return instruction.equals(other.instruction) && context.equals(other.context)
                && category == other.category && responses.equals(other.responses)
                && Objects.equals(goldBest, other.goldBest) && Objects.equals(goldWhy, other.goldWhy)
                && Set.copyOf(tags).equals(Set.copyOf(other.tags));
    }

    /** Whether the pair of these two candidate positions holds the known better response. */
    boolean goldPair(int a, int b) {
        return goldBest != null && (goldBest == a || goldBest == b);
    }
}
