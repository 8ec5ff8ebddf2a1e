package com.verdict.leaderboard;

/** One row of a board, as shown and as served by {@code GET /api/leaderboard}. */
public record LeaderboardRow(long rank, String username, String displayName, String team, long points,
        long judgments) {
}
