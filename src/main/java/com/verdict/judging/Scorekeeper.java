package com.verdict.judging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What judging needs from whoever keeps the score: points for a judgment as it is recorded (inside its
 * transaction), where a judge stands, and what a round's summary tells about points. The scoring feature
 * provides it.
 */
public interface Scorekeeper {

    Reward award(JudgmentRecorded judgment);

    Standing standing(long judgeId);

    /** How many judgments the judge has made, this transaction's included. */
    long judgments(long judgeId);

    /** The judge's points in all, this transaction's included. */
    long points(long judgeId);

    /** What these judgments of the judge have earned so far, kind by kind; kinds with nothing earned are left out. */
    List<Earned> earned(long judgeId, Collection<Long> judgmentIds);

    /**
     * The judge's votes whose pairs settled after {@code after} and up to {@code until}, except these judgments':
     * how many, how many agreed with the consensus, and the bonuses that came with them.
     */
    Settled settled(long judgeId, Instant after, Instant until, Collection<Long> exceptJudgmentIds);

    record Reward(int points, long totalPoints) {
    }

    /** Points of one kind as a judge reads it, e.g. "Consensus" +4 or "Gold penalty" −1. */
    record Earned(String kind, long points) {
    }

    record Settled(int pairs, int agreed, long points) {
    }

    /** {@code rank} is 1-based; judges without points share the last rank. */
    record Standing(long points, long judgments, long rank, long rankedJudges) {
    }
}
