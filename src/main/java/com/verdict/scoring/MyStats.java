package com.verdict.scoring;

import java.util.Map;

/**
 * A judge's own score and how it came about: points and judgments, points by kind, agreement with the
 * consensus over all their settled pairs ({@code agreed} of {@code settled}) and over the most recent ones
 * ({@code recentAgreed} of {@code recentSettled}), gold pairs right, the current run of agreements, how many
 * judgments came too fast to earn points, and, when the last refit flagged the judge, why ({@code flagReason},
 * null otherwise).
 */
public record MyStats(long judgeId, String username, long points, long judgments, Map<PointsKind, Long> breakdown,
        int settled, int agreed, int recentSettled, int recentAgreed, int goldJudgments, int goldMatched,
        int streak, int tooFast, String flagReason) {

    /** Share of settled pairs that matched the consensus; null before any settled. */
    public Double agreement() {
        return settled == 0 ? null : (double) agreed / settled;
    }

    /** Share of gold pairs right; null before any gold pair. */
    public Double goldAccuracy() {
        return goldJudgments == 0 ? null : (double) goldMatched / goldJudgments;
    }
}
