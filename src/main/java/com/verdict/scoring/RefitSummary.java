package com.verdict.scoring;

import java.time.Instant;

/**
 * What a full refit did: the judgments, judges and judged pairs it fitted, EM iterations, pairs settled and
 * contested afterwards, judges flagged, pair and interaction decisions it changed, and how long it took.
 */
public record RefitSummary(long judgments, int judges, int pairs, int iterations, int settledPairs,
        int contestedPairs, int flaggedJudges, int pairsChanged, int interactionsChanged, long millis,
        Instant fittedAt) {
}
