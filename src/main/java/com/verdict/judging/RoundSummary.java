package com.verdict.judging;

import java.util.List;

/**
 * The end of a round as its judge sees it: how far it got, how many of its pairs were judged (the others were
 * skipped or expired) and how many of those too fast to earn points, what its judgments earned so far kind by
 * kind, and the consensus results of the judge's earlier pairs that arrived since their last round summary.
 */
public record RoundSummary(RoundProgress progress, int judged, int tooFast, List<Scorekeeper.Earned> earned,
        Scorekeeper.Settled settledSinceLastTime) {

    /** All that the round's judgments earned so far, consensus that arrived during the round included. */
    public long points() {
        return earned.stream().mapToLong(Scorekeeper.Earned::points).sum();
    }
}
