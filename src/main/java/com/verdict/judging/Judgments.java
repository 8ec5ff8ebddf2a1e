package com.verdict.judging;

import com.verdict.base.SequenceIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The judgments table, in plain JDBC for the same reason as {@link Assignments}. */
@Repository
class Judgments {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SequenceIds ids;

    Judgments(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, SequenceIds ids) {
        this.jdbc = jdbc;
        this.named = named;
        this.ids = ids;
    }

    /** Records the verdict on the assignment, with no points yet; returns its id. */
    long record(Assignment assignment, Verdict verdict, Outcome outcome, String reason, long timeOnTaskMs,
            boolean tooFast, Boolean goldMatched, Instant at) {
        long id = ids.next("judgment_seq");
        jdbc.update("insert into judgment (id, assignment_id, judge_id, pair_id, verdict, outcome, reason, "
                        + "time_on_task_ms, too_fast, gold_matched, points, total_points, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)", id, assignment.id(), assignment.judgeId(),
                assignment.pairId(), verdict.name(), outcome.name(), reason, timeOnTaskMs, tooFast, goldMatched,
                Timestamp.from(at));
        return id;
    }

    void rewarded(long judgmentId, Scorekeeper.Reward reward) {
        jdbc.update("update judgment set points = ?, total_points = ? where id = ?", reward.points(),
                reward.totalPoints(), judgmentId);
    }

    Optional<Judgment> ofAssignment(long assignmentId) {
        return jdbc.query("select id, verdict, too_fast, gold_matched, points, total_points from judgment "
                        + "where assignment_id = ?", (rs, i) -> new Judgment(rs.getLong(1),
                        Verdict.valueOf(rs.getString(2)), rs.getBoolean(3), (Boolean) rs.getObject(4, Boolean.class),
                        new Scorekeeper.Reward(rs.getInt(5), rs.getLong(6))),
                assignmentId).stream().findFirst();
    }

    long countSince(long judgeId, Instant since) {
        return jdbc.queryForObject("select count(*) from judgment where judge_id = ? and created_at >= ?", Long.class,
                judgeId, Timestamp.from(since));
    }

    long pointsFor(Collection<Long> assignmentIds) {
        return named.queryForObject("select coalesce(sum(points), 0) from judgment where assignment_id in (:ids)",
                Map.of("ids", assignmentIds), Long.class);
    }

    List<Long> idsFor(Collection<Long> assignmentIds) {
        return named.queryForList("select id from judgment where assignment_id in (:ids)",
                Map.of("ids", assignmentIds), Long.class);
    }

    /** How many of these judgments came too fast to be read (they earn no points). */
    int tooFastAmong(Collection<Long> judgmentIds) {
        return judgmentIds.isEmpty() ? 0 : named.queryForObject(
                "select count(*) from judgment where id in (:ids) and too_fast", Map.of("ids", judgmentIds),
                Integer.class);
    }

    GoldAccuracy goldAccuracy(long judgeId) {
        return jdbc.queryForObject("select count(*), coalesce(sum(case when gold_matched then 1 else 0 end), 0) "
                        + "from judgment where judge_id = ? and gold_matched is not null",
                (rs, i) -> new GoldAccuracy(rs.getLong(1), rs.getLong(2)), judgeId);
    }
}
