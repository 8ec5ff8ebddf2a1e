package com.verdict.scoring;

import java.time.Instant;

/**
 * Where an interaction's consensus stands, as the dataset export reads it. {@code bestCandidateId} is null
 * when no single response is best (a tie, both bad, or not decided); {@code confidence} is 0 to 1;
 * {@code judgments} counts every judgment of its pairs; {@code contested} when judges disagree too much to
 * settle it; {@code decidedAt} is when the consensus last changed.
 */
public record ExportedConsensus(long interactionId, Long bestCandidateId, double confidence, int judgments,
        boolean contested, Instant decidedAt) {
}
