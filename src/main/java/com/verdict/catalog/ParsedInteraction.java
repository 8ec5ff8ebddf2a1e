package com.verdict.catalog;

import java.util.List;

/** One valid import line. */
record ParsedInteraction(long line, String externalId, String instruction, String context, Category category,
        List<Response> responses) {

    record Response(String text, String source) {
    }

    /** Same content as what is stored, so a re-import of it is a no-op. */
    boolean sameContentAs(ParsedInteraction other) {
        return instruction.equals(other.instruction) && context.equals(other.context)
                && category == other.category && responses.equals(other.responses);
    }
}
