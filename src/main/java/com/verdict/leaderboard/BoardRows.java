package com.verdict.leaderboard;

import com.verdict.base.AfterCommit;
import com.verdict.people.PeopleService;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes scores onto the board rows of their judges and teams. Rows are written one by one in key order,
 * judges' rows before teams', missing ones inserted in their turn, so transactions touching the same boards never
 * deadlock. Open boards hear of it once the rows are committed.
 * <p>
 * A team's row is the sum of the judges' rows that name it ({@code board_score.team}): a judge's row names their
 * team when it is inserted, and {@link TeamMoves} keeps it current when they change team. A team's active members
 * are the judges' rows naming it with more than 0 points: a judgment worth nothing, or a period in the red, is no
 * activity to divide the team's points by.
 */
@Component
class BoardRows {

    private static final String ADD_TO_JUDGE = "update board_score set points = points + ?, judgments = judgments + ?, "
            + "updated_at = ? where period_key = ? and judge_id = ?";
    private static final String ADD_TO_TEAM = "update team_board_score set points = points + ?, "
            + "judgments = judgments + ?, active_members = active_members + ? where period_key = ? and team = ?";
    private static final String INSERT_JUDGE = "insert into board_score (period_key, judge_id, team, points, "
            + "judgments, updated_at) values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final BoardUpdates updates;

    BoardRows(JdbcTemplate jdbc, PeopleService people, BoardUpdates updates) {
        this.jdbc = jdbc;
        this.people = people;
        this.updates = updates;
    }

    /** Adds the scores to their judges' rows and to the rows of the teams those rows count for. */
    void add(List<BoardScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        addToTeams(addToJudges(scores));
        AfterCommit.run(updates::changed);
    }

    /**
     * What one board row gains; {@code at} is the latest score's time; {@code activeMembers} counts for teams, and
     * falls when a member's points in the period drop to 0 or below.
     */
    private static final class Gain {
        long points;
        long judgments;
        int activeMembers;
        Instant at = Instant.EPOCH;

        void add(long morePoints, long moreJudgments, int moreActive, Instant latest) {
            points += morePoints;
            judgments += moreJudgments;
            activeMembers += moreActive;
            at = latest.isAfter(at) ? latest : at;
        }
    }

    /** The team a judge's row counts for (null for none), and how its being active changed: +1, 0 or -1. */
    private record Counted(String team, int activeChange) {
    }

    private record JudgeRow(String key, long judgeId) implements Comparable<JudgeRow> {
        @Override
        public int compareTo(JudgeRow other) {
            int byKey = key.compareTo(other.key);
            return byKey != 0 ? byKey : Long.compare(judgeId, other.judgeId);
        }
    }

    private record TeamRow(String key, String team) implements Comparable<TeamRow> {
        @Override
        public int compareTo(TeamRow other) {
            int byKey = key.compareTo(other.key);
            return byKey != 0 ? byKey : team.compareTo(other.team);
        }
    }

    /** Adds the scores to their judges' rows; returns what their teams' rows gain. */
    private SortedMap<TeamRow, Gain> addToJudges(List<BoardScore> scores) {
        SortedMap<JudgeRow, Gain> gains = new TreeMap<>();
        Set<Long> judgeIds = new HashSet<>();
        for (BoardScore score : scores) {
            judgeIds.add(score.judgeId());
            for (String key : score.keys()) {
                gains.computeIfAbsent(new JudgeRow(key, score.judgeId()), row -> new Gain())
                        .add(score.points(), score.judgments(), 0, score.at());
            }
        }
        Map<Long, String> teams = people.teamsOf(judgeIds);
        SortedMap<TeamRow, Gain> teamGains = new TreeMap<>();
        for (Map.Entry<JudgeRow, Gain> entry : gains.entrySet()) {
            JudgeRow row = entry.getKey();
            Gain gain = entry.getValue();
            Counted counted = addToJudge(row, gain, teams.get(row.judgeId()));
            if (counted.team() != null) {
                teamGains.computeIfAbsent(new TeamRow(row.key(), counted.team()), r -> new Gain())
                        .add(gain.points, gain.judgments, counted.activeChange(), gain.at);
            }
        }
        return teamGains;
    }

    /**
     * Adds to a judge's row, inserting it for {@code currentTeam} when missing. A row that exists counts for the team
     * it names: {@link TeamMoves} keeps that current, while {@code currentTeam} may have been read before a move
     * committed, and a season that has ended keeps the teams it ended with.
     */
    private Counted addToJudge(JudgeRow row, Gain gain, String currentTeam) {
        Object[] add = {gain.points, gain.judgments, Timestamp.from(gain.at), row.key(), row.judgeId()};
        if (jdbc.update(ADD_TO_JUDGE, add) == 0 && insertOrAdd(INSERT_JUDGE,
                new Object[] {row.key(), row.judgeId(), currentTeam, gain.points, gain.judgments,
                        Timestamp.from(gain.at)}, ADD_TO_JUDGE, add)) {
            return new Counted(currentTeam, active(gain.points));
        }
        // Read under the update's lock (in a transaction): the points before it are the points now less the gain.
        return jdbc.queryForObject("select points, team from board_score where period_key = ? and judge_id = ?",
                (rs, i) -> new Counted(rs.getString(2), active(rs.getLong(1)) - active(rs.getLong(1) - gain.points)),
                row.key(), row.judgeId());
    }

    /** Whether a judge with these points in a period is one of their team's active members then: 1 or 0. */
    static int active(long points) {
        return points > 0 ? 1 : 0;
    }

    /** {@link #active} in SQL, of the column or expression {@code points}, for statements that count many rows. */
    static String activeSql(String points) {
        return "case when " + points + " > 0 then 1 else 0 end";
    }

    private void addToTeams(SortedMap<TeamRow, Gain> gains) {
        gains.forEach((row, gain) -> addOrInsert(ADD_TO_TEAM,
                new Object[] {gain.points, gain.judgments, gain.activeMembers, row.key(), row.team()},
                "insert into team_board_score (period_key, team, points, judgments, active_members) "
                        + "values (?, ?, ?, ?, ?)",
                new Object[] {row.key(), row.team(), gain.points, gain.judgments, gain.activeMembers}));
    }

    /**
     * Adds to a board row, inserting it when missing; returns whether this inserted it. Rows go one at a time,
     * in key order: a batch of updates followed by the inserts of the rows it found missing would lock rows out
     * of order, and two transactions inserting a period's first rows could deadlock.
     */
    private boolean addOrInsert(String add, Object[] addArgs, String insert, Object[] insertArgs) {
        return jdbc.update(add, addArgs) == 0 && insertOrAdd(insert, insertArgs, add, addArgs);
    }

    /**
     * Inserts a board row the update found missing. When another transaction inserted it meanwhile (the first
     * scores of a period arrive together), adds to that row instead; returns whether this inserted it. The
     * failed insert is rolled back to a savepoint: PostgreSQL would otherwise abort the whole transaction.
     */
    private boolean insertOrAdd(String insert, Object[] insertArgs, String add, Object[] addArgs) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                jdbc.update(insert, insertArgs);
                return true;
            } catch (DuplicateKeyException e) {
                jdbc.update(add, addArgs);
                return false;
            }
        }
        return jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                jdbc.update(insert, insertArgs);
                connection.releaseSavepoint(beforeInsert);
                return true;
            } catch (DuplicateKeyException e) {
                connection.rollback(beforeInsert);
                jdbc.update(add, addArgs);
                return false;
            }
        });
    }
}
