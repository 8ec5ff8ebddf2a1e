package com.verdict.scoring;

/**
 * Votes grouped by pair in primitive arrays, what the consensus model fits: the votes of pair {@code p} are
 * {@code start[p]} up to {@code start[p + 1]}. {@code said} is each verdict in shown terms, {@code gold} each
 * pair's known answer in candidate terms or -1. {@code order[v]} is the index the v-th vote had when given to
 * {@link #of}, so that callers can line up what else they know of each vote.
 */
final class Crowd {

    final int pairs;
    final int judges;
    final int[] start;
    final int[] judge;
    final byte[] said;
    final boolean[] aShownLeft;
    final byte[] gold;
    final int[] order;

    private Crowd(int pairs, int judges, int[] start, int[] judge, byte[] said, boolean[] aShownLeft, byte[] gold,
            int[] order) {
        this.pairs = pairs;
        this.judges = judges;
        this.start = start;
        this.judge = judge;
        this.said = said;
        this.aShownLeft = aShownLeft;
        this.gold = gold;
        this.order = order;
    }

    /**
     * Groups {@code votes} votes by pair (a counting sort, linear time). {@code outcome} is in candidate terms;
     * {@code gold} has one entry per pair.
     */
    static Crowd of(int pairs, int judges, int votes, int[] pair, int[] judge, byte[] outcome, boolean[] aShownLeft,
            byte[] gold) {
        int[] start = new int[pairs + 1];
        for (int v = 0; v < votes; v++) {
            start[pair[v] + 1]++;
        }
        for (int p = 0; p < pairs; p++) {
            start[p + 1] += start[p];
        }
        int[] next = java.util.Arrays.copyOf(start, pairs);
        int[] sortedJudge = new int[votes];
        byte[] sortedSaid = new byte[votes];
        boolean[] sortedLeft = new boolean[votes];
        int[] order = new int[votes];
        for (int v = 0; v < votes; v++) {
            int at = next[pair[v]]++;
            sortedJudge[at] = judge[v];
            sortedSaid[at] = (byte) Outcomes.flip(outcome[v], aShownLeft[v]);
            sortedLeft[at] = aShownLeft[v];
            order[at] = v;
        }
        return new Crowd(pairs, judges, start, sortedJudge, sortedSaid, sortedLeft, gold, order);
    }

    /** How many votes each judge gave. */
    int[] votesByJudge() {
        int[] votes = new int[judges];
        for (int v = 0; v < votes(); v++) {
            votes[judge[v]]++;
        }
        return votes;
    }

    int votes() {
        return start[pairs];
    }

    /** The v-th vote's verdict in candidate terms. */
    int outcome(int v) {
        return Outcomes.flip(said[v], aShownLeft[v]);
    }
}
