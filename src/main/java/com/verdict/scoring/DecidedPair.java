package com.verdict.scoring;

/**
 * A settled pair with a better response (not a tie, not both bad), for preference data: the chosen and the
 * rejected candidate, the posterior of that decision (0 to 1), and the judgments it rests on.
 */
public record DecidedPair(long pairId, long interactionId, long chosenCandidateId, long rejectedCandidateId,
        double confidence, int judgments) {
}
