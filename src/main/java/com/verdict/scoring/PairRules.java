package com.verdict.scoring;

/**
 * When a pair settles, when it is contested, and how many judgments dealing may give it. A gold pair's answer
 * is known, so it is settled from its first judgment and its dealing is left to the catalog.
 */
record PairRules(int judgmentsPerPair, int maxJudgmentsPerPair, double settleConfidence) {

    /**
     * {@code counted}: the judgments the consensus weighs (flagged judges' are left out of it), which must reach
     * judgments-per-pair to settle; {@code judgments}: all of them, which cap the pair.
     */
    ConsensusState state(int counted, int judgments, double confidence, boolean gold) {
        if (gold && judgments > 0 || counted >= judgmentsPerPair && confidence >= settleConfidence) {
            return ConsensusState.SETTLED;
        }
        return judgments >= maxJudgmentsPerPair ? ConsensusState.CONTESTED : ConsensusState.OPEN;
    }

    /**
     * Judgments the pair may collect: the usual number at first, then one more at a time while it is open,
     * and no more once it is settled or contested.
     */
    int dealLimit(ConsensusState state, int judgments) {
        return state == ConsensusState.OPEN ? Math.max(judgmentsPerPair, judgments + 1) : judgments;
    }
}
