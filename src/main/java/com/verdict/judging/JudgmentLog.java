package com.verdict.judging;

import com.verdict.catalog.JudgmentHistory;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells the catalog about the judgments on its pairs. */
@Component
class JudgmentLog implements JudgmentHistory {

    private final NamedParameterJdbcTemplate named;
    private final PeopleService people;

    JudgmentLog(NamedParameterJdbcTemplate named, PeopleService people) {
        this.named = named;
        this.people = people;
    }

    @Override
    public Set<Long> judgedPairs(Collection<Long> pairIds) {
        if (pairIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select distinct pair_id from judgment where pair_id in (:ids)",
                Map.of("ids", pairIds), Long.class));
    }

    @Override
    public List<PairJudgment> judgmentsOf(Collection<Long> pairIds) {
        if (pairIds.isEmpty()) {
            return List.of();
        }
        record Row(long pairId, long judgeId, String outcome, long timeOnTaskMs, boolean tooFast, Boolean goldMatched,
                String reason, Instant at) {
        }
        List<Row> rows = named.query("select pair_id, judge_id, outcome, time_on_task_ms, too_fast, gold_matched, "
                        + "reason, created_at from judgment where pair_id in (:ids) order by created_at, id",
                Map.of("ids", pairIds), (rs, n) -> new Row(rs.getLong("pair_id"), rs.getLong("judge_id"),
                        rs.getString("outcome"), rs.getLong("time_on_task_ms"), rs.getBoolean("too_fast"),
                        rs.getObject("gold_matched", Boolean.class), rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()));
        Map<Long, Person> judges = people.byIds(rows.stream().map(Row::judgeId).distinct().toList());
        return rows.stream().map(r -> new PairJudgment(r.pairId(),
                judges.containsKey(r.judgeId()) ? judges.get(r.judgeId()).displayName() : "#" + r.judgeId(),
                Choice.valueOf(r.outcome()), Duration.ofMillis(r.timeOnTaskMs()), r.tooFast(), r.goldMatched(),
                r.reason(), r.at())).toList();
    }
}
