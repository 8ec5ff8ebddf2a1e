package com.verdict.scoring;

/**
 * Outcomes as small integers, in two frames. Candidate terms: 0 = A better, 1 = B better, 2 = tie, 3 = both
 * bad ({@code A} is the pair's first candidate). Shown terms, as the judge saw the pair: 0 = left better,
 * 1 = right better, 2 = tie, 3 = both bad. Judges are modelled in shown terms, so that a habit of pressing
 * one side is told apart from judging the responses.
 */
final class Outcomes {

    static final int COUNT = 4;
    static final int A = 0;
    static final int B = 1;
    static final int TIE = 2;
    static final int BOTH_BAD = 3;
    static final int LEFT = 0;
    static final int RIGHT = 1;

    private Outcomes() {
    }

    /** Candidate terms to shown terms, or back: the mapping is its own inverse. */
    static int flip(int outcome, boolean aShownLeft) {
        return outcome >= TIE || aShownLeft ? outcome : 1 - outcome;
    }
}
