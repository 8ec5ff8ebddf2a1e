package com.verdict.judging;

import java.util.Optional;

/**
 * Whether the last scoring refit flagged a judge: their verdicts then weigh nothing in the consensus and their
 * bonuses pause until a later refit lifts the flag. The scoring feature provides it; judging only tells the judge.
 */
public interface JudgeFlags {

    /** Why the judge is flagged ("" when the refit gave no reason); empty when they are not. */
    Optional<String> flagReason(long judgeId);
}
