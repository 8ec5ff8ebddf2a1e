package com.verdict.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one transaction adds to the score, judge by judge: points awarded outright, judgments counted, and votes
 * scored as their pairs settled, whose consensus and streak bonuses depend on the judge's run of agreements and
 * are worked out by {@link PointsLedger#apply}. Judges come in id order, the order their totals are locked in.
 */
final class ScoreChanges {

    record Award(long judgeId, Long judgmentId, long pairId, PointsKind kind, int amount, Instant at) {
    }

    /** {@code earnsBonus} unless the judge is flagged or the judgment was too fast. */
    record Settled(long judgmentId, long pairId, boolean agreed, boolean earnsBonus, Instant at) {
    }

    static final class OfJudge {
        int judgments;
        final List<Award> awards = new ArrayList<>();
        final List<Settled> settled = new ArrayList<>();
    }

    private final NavigableMap<Long, OfJudge> judges = new TreeMap<>();

    void judgment(long judgeId) {
        of(judgeId).judgments++;
    }

    void award(long judgeId, Long judgmentId, long pairId, PointsKind kind, int amount, Instant at) {
        if (amount != 0) {
            of(judgeId).awards.add(new Award(judgeId, judgmentId, pairId, kind, amount, at));
        }
    }

    void settled(long judgeId, long judgmentId, long pairId, boolean agreed, boolean earnsBonus, Instant at) {
        of(judgeId).settled.add(new Settled(judgmentId, pairId, agreed, earnsBonus, at));
    }

    NavigableMap<Long, OfJudge> byJudge() {
        return judges;
    }

    private OfJudge of(long judgeId) {
        return judges.computeIfAbsent(judgeId, id -> new OfJudge());
    }
}
