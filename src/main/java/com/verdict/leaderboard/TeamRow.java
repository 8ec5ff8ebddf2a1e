package com.verdict.leaderboard;

/**
 * A team on a board. Teams rank by points per active member (members with more than 0 points in the period), so a
 * big team does not win by headcount alone. {@code agreement} is the team's Krippendorff's alpha at the last
 * scoring refit, null until there is one.
 */
public record TeamRow(long rank, String team, long points, int members, double pointsPerMember, Double agreement) {
}
