package com.verdict.judging;

import com.verdict.catalog.Category;

/**
 * A pair as a judge sees it: blind, so no source. {@code response} is the candidate's 0-based index in
 * the imported responses. {@code progress} is null outside a round.
 */
public record Deal(long assignmentId, String interactionId, String instruction, String context, Category category,
        Shown left, Shown right, RoundProgress progress) {

    public record Shown(int response, String text) {
    }
}
