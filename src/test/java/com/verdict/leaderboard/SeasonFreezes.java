package com.verdict.leaderboard;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Freezing a season in tests, where the scheduled freeze runs too. */
final class SeasonFreezes {

    private SeasonFreezes() {
    }

    /**
     * Freezes the ended season {@code seasonId}, and waits until it is: when the scheduled freeze holds its
     * cluster-wide lock at that moment, the test's own call is skipped and the season is frozen by the other.
     */
    static void freeze(Seasons seasons, long seasonId) {
        await("season " + seasonId + " frozen").atMost(Duration.ofSeconds(20)).until(() -> {
            seasons.freezeEnded();
            return seasons.find(seasonId).orElseThrow().frozenAt() != null;
        });
    }
}
