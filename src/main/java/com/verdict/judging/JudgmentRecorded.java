package com.verdict.judging;

import java.time.Duration;
import java.time.Instant;

/**
 * A judgment just stored, in candidate terms ({@code candidateA} is the pair's first candidate); {@code gold}
 * is the known answer of a gold pair, null for others; {@code tooFast} if made under the minimum reading time.
 */
public record JudgmentRecorded(long judgmentId, long judgeId, long pairId, long interactionId, long candidateA,
        long candidateB, Outcome outcome, Outcome gold, boolean aShownLeft, Duration timeOnTask, boolean tooFast,
        Instant at) {
}
