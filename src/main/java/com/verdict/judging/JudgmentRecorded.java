package com.verdict.judging;

import java.time.Duration;
import java.time.Instant;

/** A judgment just stored, in candidate terms ({@code candidateA} is the pair's first candidate); {@code tooFast} if made under the minimum reading time. */
public record JudgmentRecorded(long judgmentId, long judgeId, long pairId, long interactionId, long candidateA,
        long candidateB, Outcome outcome,
        boolean aShownLeft, Duration timeOnTask, boolean tooFast, Instant at) {
}
