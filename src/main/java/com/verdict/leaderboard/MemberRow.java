package com.verdict.leaderboard;

/** A team member as their lead sees them. */
public record MemberRow(String username, String displayName, long judgments, long points, long weekPoints,
        boolean hidden) {
}
