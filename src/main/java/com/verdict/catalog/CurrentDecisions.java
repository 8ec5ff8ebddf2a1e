package com.verdict.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * The decision that scoring currently holds for an interaction, for the catalog's detail panel. Provided by
 * the scoring feature; the catalog works without it.
 */
public interface CurrentDecisions {

    Optional<Decision> of(long interactionId);

    /**
     * {@code bestCandidateId} is null while no candidate is decided best; {@code settledAs} is how the interaction
     * settled (null while it has not); {@code confidence} is 0 to 1.
     */
    record Decision(Long bestCandidateId, SettledAs settledAs, double confidence, Instant updatedAt) {
    }

    /** A settled interaction has a best response, or its judges agreed on a tie, or that both are bad. */
    enum SettledAs {
        BEST, TIE, BOTH_BAD
    }
}
