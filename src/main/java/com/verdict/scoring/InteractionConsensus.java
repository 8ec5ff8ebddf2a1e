package com.verdict.scoring;

import java.time.Instant;

/**
 * Where an interaction stands: its state; once settled, its outcome, and the best candidate when there is one;
 * the confidence of the current leader (0 to 1); judgments over all its pairs.
 */
public record InteractionConsensus(long interactionId, ConsensusState state, InteractionOutcome outcome,
        Long bestCandidateId, double confidence, int judgments, int pairs, Instant updatedAt) {
}
