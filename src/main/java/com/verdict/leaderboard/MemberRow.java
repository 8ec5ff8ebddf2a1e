package com.verdict.leaderboard;

/**
 * A team member as their lead sees them: activity, and quality as the last scoring refit saw it (null until
 * there is something to measure): agreement with the settled consensus, gold accuracy (of how many gold judgments),
 * position bias (share of left choices above what their pairs warrant; both shares too: the views show the bias from
 * the two rounded shares so that it adds up with them, and positionBias stays for the API's readers), median time on
 * task, and a flag with its reason.
 */
public record MemberRow(String username, String displayName, long judgments, long points, long weekPoints,
        boolean hidden, Double agreement, Double goldAccuracy, int goldJudgments, Double positionBias,
        Double leftShare, Double leftWarranted, Long medianTimeMs, boolean flagged, String flagReason) {
}
