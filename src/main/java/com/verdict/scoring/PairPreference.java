package com.verdict.scoring;

import java.time.Instant;

/**
 * A pair whose consensus prefers one response: not a tie, not both bad. {@code confidence} (0 to 1) is the
 * consensus's posterior that the chosen response is better, from the judges' estimated reliabilities;
 * {@code judgments} counts all of the pair's judgments; {@code contested} when the pair reached its most
 * judgments without settling; {@code settledAt} when it settled (null if it has not).
 */
public record PairPreference(long pairId, long interactionId, long chosenCandidateId, long rejectedCandidateId,
        double confidence, int judgments, boolean contested, Instant settledAt) {
}
