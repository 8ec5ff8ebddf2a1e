package com.verdict.scoring;

import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Outcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the votes of each pair in candidate terms and keeps each interaction's decision current: for
 * now a pair goes to the outcome with a strict plurality of its votes, and an interaction's best response
 * is the candidate that wins the most of its pairs, alone.
 */
@Component
class PairTally {

    private final JdbcTemplate jdbc;

    PairTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void count(JudgmentRecorded judgment) {
        int a = judgment.outcome() == Outcome.A ? 1 : 0;
        int b = judgment.outcome() == Outcome.B ? 1 : 0;
        int tie = judgment.outcome() == Outcome.TIE ? 1 : 0;
        int bad = judgment.outcome() == Outcome.BOTH_BAD ? 1 : 0;
        jdbc.update("""
                merge into pair_tally t
                using (values (cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint),
                        cast(? as int), cast(? as int), cast(? as int), cast(? as int)))
                    as s (pair_id, interaction_id, candidate_a, candidate_b, a, b, tie, bad)
                on t.pair_id = s.pair_id
                when matched then update set a_votes = t.a_votes + s.a, b_votes = t.b_votes + s.b,
                    ties = t.ties + s.tie, both_bad = t.both_bad + s.bad
                when not matched then insert (pair_id, interaction_id, candidate_a, candidate_b, a_votes, b_votes,
                    ties, both_bad) values (s.pair_id, s.interaction_id, s.candidate_a, s.candidate_b, s.a, s.b,
                    s.tie, s.bad)""",
                judgment.pairId(), judgment.interactionId(), judgment.candidateA(), judgment.candidateB(),
                a, b, tie, bad);
        decide(judgment.interactionId());
    }

    private void decide(long interactionId) {
        List<long[]> tallies = jdbc.query("select candidate_a, candidate_b, a_votes, b_votes, ties, both_bad "
                        + "from pair_tally where interaction_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)}, interactionId);
        Map<Long, Integer> wins = new HashMap<>();
        long winnerVotes = 0;
        long votes = 0;
        for (long[] t : tallies) {
            long a = t[2], b = t[3], tie = t[4], bad = t[5];
            votes += a + b + tie + bad;
            if (a > b && a > tie && a > bad) {
                wins.merge(t[0], 1, Integer::sum);
                winnerVotes += a;
            } else if (b > a && b > tie && b > bad) {
                wins.merge(t[1], 1, Integer::sum);
                winnerVotes += b;
            }
        }
        int most = wins.values().stream().max(Integer::compare).orElse(0);
        List<Long> leaders = wins.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        Long best = most > 0 && leaders.size() == 1 ? leaders.get(0) : null;
        double confidence = best == null || votes == 0 ? 0 : (double) winnerVotes / votes;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                merge into interaction_decision t
                using (values (cast(? as bigint), cast(? as bigint), cast(? as double precision),
                        cast(? as timestamp with time zone))) as s (interaction_id, best_candidate, confidence, updated_at)
                on t.interaction_id = s.interaction_id
                when matched then update set best_candidate = s.best_candidate, confidence = s.confidence,
                    updated_at = s.updated_at
                when not matched then insert (interaction_id, best_candidate, confidence, updated_at)
                    values (s.interaction_id, s.best_candidate, s.confidence, s.updated_at)""",
                interactionId, best, confidence, now);
    }
}
