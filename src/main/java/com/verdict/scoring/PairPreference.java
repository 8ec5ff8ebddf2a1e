package com.verdict.scoring;

/**
 * A pair whose judges preferred one response: not a tie, not both bad. {@code confidence} (0 to 1) is the
 * share of the pair's judgments that chose the winner; {@code judgments} counts all of them.
 */
public record PairPreference(long pairId, long interactionId, long chosenCandidateId, long rejectedCandidateId,
        double confidence, int judgments) {
}
