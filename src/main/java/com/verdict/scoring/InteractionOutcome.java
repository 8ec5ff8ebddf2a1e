package com.verdict.scoring;

/**
 * What a settled interaction came to: one {@code BEST} response, responses no better than each other
 * ({@code TIE}: a tie, or no single response better than all the others), or {@code BOTH_BAD}: every
 * comparison found both responses bad.
 */
public enum InteractionOutcome {
    BEST, TIE, BOTH_BAD
}
