package com.verdict.scoring;

import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Replaces, at each refit, how much the judges agree beyond chance ({@link Krippendorff}), in one transaction. */
final class AgreementWriter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PeopleService people;

    AgreementWriter(JdbcTemplate jdbc, TransactionTemplate transactions, PeopleService people) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
    }

    /**
     * Krippendorff's alpha over every pair that is not gold: overall, per category, and per team (each pair's
     * votes from members of one team, when at least two of them judged it).
     */
    void write(RefitReader.Votes votes, RefitReader.Pairs pairs) {
        Crowd crowd = votes.crowd;
        Map<Long, String> teamOf = new HashMap<>();
        for (Person person : people.all()) {
            if (person.team() != null) {
                teamOf.put(person.id(), person.team());
            }
        }
        Krippendorff overall = new Krippendorff();
        Map<String, Krippendorff> byCategory = new HashMap<>();
        Map<String, Krippendorff> byTeam = new HashMap<>();
        int[] counts = new int[Outcomes.COUNT];
        for (int p = 0; p < crowd.pairs; p++) {
            if (crowd.gold[p] >= 0) {
                continue;
            }
            Arrays.fill(counts, 0);
            Map<String, int[]> teamCounts = new HashMap<>();
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                counts[crowd.outcome(v)]++;
                String team = teamOf.get(votes.judgeIds[crowd.judge[v]]);
                if (team != null) {
                    teamCounts.computeIfAbsent(team, t -> new int[Outcomes.COUNT])[crowd.outcome(v)]++;
                }
            }
            overall.add(counts);
            if (p < pairs.known && pairs.category[p] != null) {
                byCategory.computeIfAbsent(pairs.category[p], c -> new Krippendorff()).add(counts);
            }
            teamCounts.forEach((team, c) -> byTeam.computeIfAbsent(team, t -> new Krippendorff()).add(c));
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(alphaRow("OVERALL", "all", overall));
        byCategory.forEach((category, alpha) -> rows.add(alphaRow("CATEGORY", category, alpha)));
        byTeam.forEach((team, alpha) -> rows.add(alphaRow("TEAM", team, alpha)));
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from agreement_alpha");
            jdbc.batchUpdate("insert into agreement_alpha (scope, name, alpha, units, votes) values (?, ?, ?, ?, ?)",
                    rows);
        });
    }

    private static Object[] alphaRow(String scope, String name, Krippendorff alpha) {
        return new Object[] {scope, name, alpha.alpha(), alpha.units(), alpha.values()};
    }
}
