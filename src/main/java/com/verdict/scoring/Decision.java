package com.verdict.scoring;

/** What the consensus says of a pair, in candidate terms: {@code A} is the pair's first candidate. */
public enum Decision {
    A, B, TIE, BOTH_BAD;

    static Decision of(int outcome) {
        return values()[outcome];
    }
}
