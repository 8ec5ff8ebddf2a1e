package com.verdict.judging;

/** How far a round is: {@code done} of {@code size} pairs closed, and the points they earned. */
public record RoundProgress(long roundId, int size, int done, long points, boolean finished) {
}
