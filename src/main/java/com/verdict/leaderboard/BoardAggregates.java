package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.people.PeopleService;
import com.verdict.scoring.PointsAwarded;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every board's rows current as points and judgments arrive, inside their transactions, so that
 * reading a board never sums the ledger. Two things keep that cheap under a crowd:
 * <ul>
 * <li>Points awarded in a transaction are added up and written just before it commits, one statement per board
 * row: a scoring refit awards hundreds of thousands of bonuses at once.</li>
 * <li>A team's rows are written just before the commit too. Every judgment of every member updates them, so a
 * transaction holding them from its first statement would make the whole team judge one at a time.</li>
 * </ul>
 * A judge's own rows take their judgments just before the commit as well, with their points: one update per
 * board row and transaction ({@link #judgmentsSoFar} adds what is still pending for badges that count them).
 * Rows are written one by one in key order, judges' rows before teams', missing ones inserted in their turn, so
 * transactions touching the same boards never deadlock.
 */
@Component
class BoardAggregates {

    private static final Period[] CALENDAR = {Period.DAY, Period.WEEK, Period.MONTH, Period.ALL};
    private static final String ADD_TO_JUDGE = "update board_score set points = points + ?, judgments = judgments + ?, "
            + "updated_at = ? where period_key = ? and judge_id = ?";
    private static final String ADD_TO_TEAM = "update team_board_score set points = points + ?, "
            + "judgments = judgments + ?, active_members = active_members + ? where period_key = ? and team = ?";

    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final Seasons seasons;
    private final VerdictProperties properties;

    BoardAggregates(JdbcTemplate jdbc, PeopleService people, Seasons seasons, VerdictProperties properties) {
        this.jdbc = jdbc;
        this.people = people;
        this.seasons = seasons;
        this.properties = properties;
    }

    @EventListener
    @Order(0)
    void on(PointsAwarded points) {
        add(new Score(points.judgeId(), points.at(), points.amount(), 0));
    }

    @EventListener
    @Order(0)
    void on(JudgmentRecorded judgment) {
        add(new Score(judgment.judgeId(), judgment.at(), 0, 1));
    }

    /** The judge's all-time judgments, this transaction's included though not yet on the board. */
    long judgmentsSoFar(long judgeId) {
        long stored = jdbc.queryForList("select judgments from board_score where period_key = ? and judge_id = ?",
                Long.class, Period.ALL.key(Instant.EPOCH, properties.leaderboard().zone()), judgeId)
                .stream().findFirst().orElse(0L);
        Pending pending = bound();
        return pending == null ? stored : stored + pending.points.stream()
                .filter(score -> score.judgeId() == judgeId).mapToLong(Score::judgments).sum();
    }

    private void add(Score score) {
        Pending pending = pending();
        if (pending == null) {
            addToTeams(addToJudges(List.of(score), new Lookups()));
        } else {
            pending.points.add(score);
        }
    }

    /** The keys of every board that a score made at {@code at} counts on. */
    List<String> keysAt(Instant at) {
        List<String> keys = new ArrayList<>();
        for (Period period : CALENDAR) {
            keys.add(period.key(at, properties.leaderboard().zone()));
        }
        seasons.runningAt(at).forEach(id -> keys.add(Period.seasonKey(id)));
        return keys;
    }

    /** What this transaction will write just before it commits; null outside a transaction (write at once). */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = bound();
        if (pending == null) {
            Pending fresh = new Pending();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    addToTeams(addToJudges(fresh.points, fresh.lookups));
                    fresh.points.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BoardAggregates.this);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    /** This transaction's pending scores, if it has any. */
    private Pending bound() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
    }

    private record Score(long judgeId, Instant at, int points, int judgments) {
    }

    /**
     * What a transaction looks up once however many scores it adds: a judgment and its points arrive as
     * separate events, at the same time and for the same judge.
     */
    private final class Lookups {
        private final Map<Instant, List<String>> keys = new HashMap<>();
        private final Map<Long, Optional<String>> teams = new HashMap<>();

        List<String> keysAt(Instant at) {
            return keys.computeIfAbsent(at, BoardAggregates.this::keysAt);
        }

        /** The judge's team, or null; the judges must have been looked up with {@link #lookUp}. */
        String teamOf(long judgeId) {
            return teams.getOrDefault(judgeId, Optional.empty()).orElse(null);
        }

        void lookUp(Set<Long> judgeIds) {
            Set<Long> unknown = new HashSet<>(judgeIds);
            unknown.removeAll(teams.keySet());
            if (!unknown.isEmpty()) {
                Map<Long, String> found = people.teamsOf(unknown);
                unknown.forEach(id -> teams.put(id, Optional.ofNullable(found.get(id))));
            }
        }
    }

    /** A transaction's scores not yet on the boards, and what it looked up for them. */
    private final class Pending {
        final List<Score> points = new ArrayList<>();
        final Lookups lookups = new Lookups();
    }

    /** What one board row gains; {@code at} is the latest score's time; {@code newMembers} counts for teams. */
    private static final class Gain {
        long points;
        long judgments;
        int newMembers;
        Instant at = Instant.EPOCH;

        void add(Score score) {
            points += score.points();
            judgments += score.judgments();
            at = score.at().isAfter(at) ? score.at() : at;
        }

        void add(Gain other) {
            points += other.points;
            judgments += other.judgments;
            newMembers += other.newMembers;
            at = other.at.isAfter(at) ? other.at : at;
        }
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
    private SortedMap<TeamRow, Gain> addToJudges(List<Score> scores, Lookups lookups) {
        SortedMap<TeamRow, Gain> teamGains = new TreeMap<>();
        if (scores.isEmpty()) {
            return teamGains;
        }
        SortedMap<JudgeRow, Gain> gains = new TreeMap<>();
        for (Score score : scores) {
            for (String key : lookups.keysAt(score.at())) {
                gains.computeIfAbsent(new JudgeRow(key, score.judgeId()), row -> new Gain()).add(score);
            }
        }
        Set<Long> judgeIds = new HashSet<>();
        gains.keySet().forEach(row -> judgeIds.add(row.judgeId()));
        lookups.lookUp(judgeIds);

        for (Map.Entry<JudgeRow, Gain> entry : gains.entrySet()) {
            JudgeRow row = entry.getKey();
            Gain gain = entry.getValue();
            String team = lookups.teamOf(row.judgeId());
            Object[] add = {gain.points, gain.judgments, Timestamp.from(gain.at), row.key(), row.judgeId()};
            boolean newMember = addOrInsert(ADD_TO_JUDGE, add,
                    "insert into board_score (period_key, judge_id, team, points, judgments, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    new Object[] {row.key(), row.judgeId(), team, gain.points, gain.judgments, Timestamp.from(gain.at)});
            if (team != null) {
                Gain teamGain = teamGains.computeIfAbsent(new TeamRow(row.key(), team), r -> new Gain());
                teamGain.add(gain);
                teamGain.newMembers += newMember ? 1 : 0;
            }
        }
        return teamGains;
    }

    private void addToTeams(SortedMap<TeamRow, Gain> gains) {
        gains.forEach((row, gain) -> addOrInsert(ADD_TO_TEAM,
                new Object[] {gain.points, gain.judgments, gain.newMembers, row.key(), row.team()},
                "insert into team_board_score (period_key, team, points, judgments, active_members) "
                        + "values (?, ?, ?, ?, ?)",
                new Object[] {row.key(), row.team(), gain.points, gain.judgments, gain.newMembers}));
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
