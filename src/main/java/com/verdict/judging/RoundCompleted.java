package com.verdict.judging;

import java.time.Instant;

/** Published inside the closing transaction when a judge has closed every pair of a round. */
public record RoundCompleted(long judgeId, long roundId, int size, Instant at) {
}
