package com.verdict.judging;

/** A verdict in candidate terms, independent of where each was shown: {@code A} is the pair's first candidate. */
public enum Outcome {
    A, B, TIE, BOTH_BAD;

    static Outcome of(Verdict verdict, boolean aShownLeft) {
        return switch (verdict) {
            case LEFT -> aShownLeft ? A : B;
            case RIGHT -> aShownLeft ? B : A;
            case TIE -> TIE;
            case BOTH_BAD -> BOTH_BAD;
        };
    }
}
