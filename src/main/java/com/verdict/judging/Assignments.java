package com.verdict.judging;

import com.verdict.base.SequenceIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The assignments table. Plain JDBC: every deal and every judgment reads and writes here, on the judging
 * desk's one writer thread, where an entity load, dirty check and flush cost more than the SQL.
 */
@Repository
class Assignments {

    private static final String COLUMNS = "id, judge_id, pair_id, round_id, left_candidate, state, dealt_at";

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;

    Assignments(JdbcTemplate jdbc, SequenceIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** The interaction is kept with the assignment so that dealing can pass over the judge's interactions. */
    Assignment deal(long judgeId, long pairId, long interactionId, Long roundId, long leftCandidate) {
        Assignment dealt = new Assignment(ids.next("assignment_seq"), judgeId, pairId, roundId, leftCandidate,
                Assignment.State.OPEN, Instant.now());
        jdbc.update("insert into assignment (" + COLUMNS + ", interaction_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                dealt.id(), judgeId, pairId, roundId, leftCandidate, dealt.state().name(),
                Timestamp.from(dealt.dealtAt()), interactionId);
        return dealt;
    }

    Optional<Assignment> find(long id) {
        return jdbc.query("select " + COLUMNS + " from assignment where id = ?", Assignments::read, id)
                .stream().findFirst();
    }

    /**
     * The judge's latest assignment in this state. Ordering by the index's own columns first lets H2 read it
     * from assignment_judge_state instead of going through every assignment the judge ever had.
     */
    Optional<Assignment> latest(long judgeId, Assignment.State state) {
        return jdbc.query("select " + COLUMNS + " from assignment where judge_id = ? and state = ? "
                        + "order by judge_id, state, id desc fetch first 1 rows only", Assignments::read, judgeId,
                state.name()).stream().findFirst();
    }

    List<Assignment> ofRound(long roundId) {
        return jdbc.query("select " + COLUMNS + " from assignment where round_id = ? order by id", Assignments::read,
                roundId);
    }

    long countOfRound(long roundId) {
        return jdbc.queryForObject("select count(*) from assignment where round_id = ?", Long.class, roundId);
    }

    long countClosedOfRound(long roundId) {
        return jdbc.queryForObject("select count(*) from assignment where round_id = ? and state <> 'OPEN'",
                Long.class, roundId);
    }

    /** How many overdue assignments are expired in one transaction. */
    static final int OVERDUE_PAGE = 200;

    /** Up to {@value #OVERDUE_PAGE} open assignments dealt before the instant, oldest first. */
    List<Assignment> overdue(Instant dealtBefore) {
        return jdbc.query("select " + COLUMNS + " from assignment where state = 'OPEN' and dealt_at < ? "
                + "order by dealt_at fetch first " + OVERDUE_PAGE + " rows only", Assignments::read,
                Timestamp.from(dealtBefore));
    }

    /** Closes an open assignment; false when it was closed already (a repeated or concurrent submit). */
    boolean close(long id, Assignment.State state, Instant at) {
        return jdbc.update("update assignment set state = ?, closed_at = ? where id = ? and state = 'OPEN'",
                state.name(), Timestamp.from(at), id) == 1;
    }

    private static Assignment read(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4, Long.class),
                rs.getLong(5), Assignment.State.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant());
    }
}
