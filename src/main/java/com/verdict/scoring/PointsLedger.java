package com.verdict.scoring;

import com.verdict.base.SequenceIds;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Scorekeeper;
import java.sql.Timestamp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the score: one ledger row per award, and each judge's totals kept beside it as awards arrive, so
 * that boards never sum the ledger on a read. For now every judgment earns one base point.
 */
@Component
class PointsLedger implements Scorekeeper {

    static final String BASE = "BASE";

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final PairTally tally;
    private final ApplicationEventPublisher events;

    PointsLedger(JdbcTemplate jdbc, SequenceIds ids, PairTally tally, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.tally = tally;
        this.events = events;
    }

    @Override
    public Reward award(JudgmentRecorded judgment) {
        int points = 1;
        Timestamp at = Timestamp.from(judgment.at());
        jdbc.update("insert into points_entry (id, judge_id, judgment_id, kind, amount, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                ids.block("points_entry_seq").next(), judgment.judgeId(), judgment.judgmentId(), BASE, points, at);
        jdbc.update("""
                merge into judge_score t
                using (values (cast(? as bigint), cast(? as bigint), cast(? as timestamp with time zone)))
                    as s (judge_id, points, updated_at)
                on t.judge_id = s.judge_id
                when matched then update set points = t.points + s.points, judgments = t.judgments + 1,
                    updated_at = s.updated_at
                when not matched then insert (judge_id, points, judgments, updated_at)
                    values (s.judge_id, s.points, 1, s.updated_at)""", judgment.judgeId(), points, at);
        events.publishEvent(new PointsAwarded(judgment.judgeId(), judgment.judgmentId(), BASE, points,
                judgment.at()));
        tally.count(judgment);
        long total = jdbc.queryForObject("select points from judge_score where judge_id = ?", Long.class,
                judgment.judgeId());
        return new Reward(points, total);
    }

    @Override
    public Standing standing(long judgeId) {
        return jdbc.query("select points, judgments from judge_score where judge_id = ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, judgeId)
                .stream().findFirst()
                .map(row -> new Standing(row[0], row[1], rankOf(row[0]), rankedJudges()))
                .orElseGet(() -> new Standing(0, 0, rankedJudges() + 1, rankedJudges()));
    }

    long rankOf(long points) {
        return 1 + jdbc.queryForObject("select count(*) from judge_score where points > ?", Long.class, points);
    }

    long rankedJudges() {
        return jdbc.queryForObject("select count(*) from judge_score", Long.class);
    }
}
