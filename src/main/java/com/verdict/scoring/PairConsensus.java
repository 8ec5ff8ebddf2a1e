package com.verdict.scoring;

import java.time.Instant;

/**
 * A judged pair's consensus in candidate terms ({@code candidateA} is its first candidate): its state, the
 * likeliest outcome with its posterior, its judgments, whether it is gold, and when it settled.
 */
public record PairConsensus(long pairId, long interactionId, long candidateA, long candidateB, ConsensusState state,
        Decision decision, double confidence, int judgments, boolean gold, Instant settledAt) {
}
