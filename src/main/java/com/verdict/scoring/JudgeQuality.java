package com.verdict.scoring;

/**
 * A judge as the last full refit saw them. {@code accuracy}: estimated share of right answers; {@code leftShare}
 * of their decisive verdicts went to the left response where {@code leftWarranted} was warranted by their pairs'
 * consensus, and {@code positionBias} is the difference; {@code agreement} with the settled consensus. A
 * {@code flagged} judge's votes weigh nothing and earn no bonus; {@code flagReason} says why. Shares are 0 to 1,
 * null when there is nothing to measure.
 */
public record JudgeQuality(long judgeId, String username, String displayName, String team, int judgments,
        double accuracy, Double goldAccuracy, int goldJudgments, Double leftShare, Double leftWarranted,
        Double positionBias, double tooFastShare, long medianTimeMs, Double agreement, int settled, boolean flagged,
        String flagReason) {
}
