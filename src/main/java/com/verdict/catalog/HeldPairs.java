package com.verdict.catalog;

/**
 * Whether a judge holds a pair of an interaction, dealt and not yet judged. Leads and engineers judge too: the
 * catalog keeps such an interaction's sources and verdicts from them until their verdict is in. Provided by the
 * judging feature; the catalog works without it.
 */
public interface HeldPairs {

    boolean holdsPairOf(long judgeId, long interactionId);
}
