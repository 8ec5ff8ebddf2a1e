package com.verdict.scoring;

/**
 * Published when an interaction's consensus state changes, inside the transaction that changed it: by a
 * judgment, or by a full refit (then after the refit's own writes have committed, one transaction per batch).
 */
public record InteractionStateChanged(long interactionId, ConsensusState state) {
}
