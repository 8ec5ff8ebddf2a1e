package com.verdict.leaderboard;

import java.util.List;

/**
 * A team's activity for its lead: members, judgments per day and the members' agreement with the consensus per
 * day (share of the votes that settled that day, null when none did; both oldest first, {@code days} labels), and
 * the dataset's decided interactions per category against the targets.
 */
public record TeamActivity(String team, List<MemberRow> members, List<String> days, List<Long> judgmentsPerDay,
        List<Double> agreementPerDay, List<String> categories, List<Long> decided, List<Integer> targets) {
}
