package com.verdict.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the catalog needs to know of the judgments made on its pairs, without depending on judging: whether
 * an interaction may still be replaced or deleted, and its judgments for the detail panel. The judging
 * feature provides it.
 */
public interface JudgmentHistory {

    /** Those of these pairs that have at least one judgment. */
    Set<Long> judgedPairs(Collection<Long> pairIds);

    /** Every judgment of these pairs, oldest first. */
    List<PairJudgment> judgmentsOf(Collection<Long> pairIds);

    /** Which of the pair's candidates the judge found better: {@code A} is the pair's first candidate. */
    enum Choice {
        A, B, TIE, BOTH_BAD
    }

    /** {@code goldMatched} is null unless the pair is a gold pair. */
    record PairJudgment(long pairId, String judge, Choice choice, Duration timeOnTask, boolean tooFast,
            Boolean goldMatched, String reason, Instant at) {
    }
}
