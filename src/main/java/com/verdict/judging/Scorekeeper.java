package com.verdict.judging;

/**
 * What judging needs from whoever keeps the score: points for a judgment as it is recorded (inside its
 * transaction), and where a judge stands. The scoring feature provides it.
 */
public interface Scorekeeper {

    Reward award(JudgmentRecorded judgment);

    Standing standing(long judgeId);

    record Reward(int points, long totalPoints) {
    }

    /** {@code rank} is 1-based; judges without points share the last rank. */
    record Standing(long points, long judgments, long rank, long rankedJudges) {
    }
}
