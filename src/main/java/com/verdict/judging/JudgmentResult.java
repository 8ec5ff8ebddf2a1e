package com.verdict.judging;

/**
 * What a judgment earned, and, now that the verdict is in, which sources wrote the two responses.
 * {@code tooFast} when made under the minimum reading time; {@code gold} only for a gold pair, else null.
 */
public record JudgmentResult(int points, long totalPoints, String leftSource, String rightSource, boolean tooFast,
        GoldFeedback gold) {
}
