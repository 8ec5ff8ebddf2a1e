package com.verdict.judging;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every judgment ever recorded, read in pages for the raw-judgments export. */
@Service
@Transactional(readOnly = true)
public class JudgmentArchive {

    private final JdbcTemplate jdbc;

    JudgmentArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Judgments with ids above {@code afterJudgmentId}, in id order: page through with the last id. */
    public List<JudgmentEntry> page(long afterJudgmentId, int limit) {
        return jdbc.query("""
                select j.id, j.judge_id, j.pair_id, a.left_candidate, j.outcome, j.time_on_task_ms, j.created_at
                from judgment j join assignment a on a.id = j.assignment_id
                where j.id > ? order by j.id fetch first ? rows only""",
                (rs, row) -> new JudgmentEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        Outcome.valueOf(rs.getString(5)), rs.getLong(6), rs.getTimestamp(7).toInstant()),
                afterJudgmentId, limit);
    }
}
