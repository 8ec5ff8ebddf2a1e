package com.verdict.judging;

import java.time.Instant;

/**
 * One recorded judgment as the raw-judgments export reads it: which pair, which candidate was shown on the
 * left, the verdict in candidate terms, and how long the judge took.
 */
public record JudgmentEntry(long judgmentId, long judgeId, long pairId, long leftCandidateId, Outcome outcome,
        long timeOnTaskMs, Instant judgedAt) {
}
