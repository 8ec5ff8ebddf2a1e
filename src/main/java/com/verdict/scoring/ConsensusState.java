package com.verdict.scoring;

/**
 * Where a pair or an interaction stands: {@code OPEN} while judgments are still wanted, {@code SETTLED} once the
 * consensus is sure enough, {@code CONTESTED} when it never got sure within the most judgments a pair may have
 * (shown to engineers, left out of default exports).
 */
public enum ConsensusState {
    OPEN, SETTLED, CONTESTED
}
