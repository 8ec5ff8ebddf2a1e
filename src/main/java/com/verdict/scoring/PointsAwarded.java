package com.verdict.scoring;

import java.time.Instant;

/** Published inside the transaction of every ledger entry: a judge earned (or lost) points. */
public record PointsAwarded(long judgeId, Long judgmentId, String kind, int amount, Instant at) {
}
