package com.verdict.scoring;

/** An interaction whose best response is decided, with how sure we are (0 to 1). */
public record DecidedInteraction(long interactionId, long bestCandidateId, double confidence) {
}
