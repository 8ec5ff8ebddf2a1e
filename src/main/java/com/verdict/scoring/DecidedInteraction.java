package com.verdict.scoring;

/**
 * An interaction whose best response is decided (settled, not a tie, not both bad), with how sure we are
 * (0 to 1: the smallest posterior that the best response beats one of the others) and its judgments.
 */
public record DecidedInteraction(long interactionId, long bestCandidateId, double confidence, int judgments) {
}
