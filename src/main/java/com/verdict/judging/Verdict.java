package com.verdict.judging;

/** What a judge says of the pair as shown: the left response is better, the right one, a tie, or both bad. */
public enum Verdict {
    LEFT, RIGHT, TIE, BOTH_BAD
}
