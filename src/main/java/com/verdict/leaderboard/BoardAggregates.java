package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every board's rows current as points and judgments arrive, inside their transactions, so that
 * reading a board never sums the ledger. Points awarded in a transaction are added up and written just before
 * it commits, a few batched statements for all of them: a scoring refit awards hundreds of thousands of
 * bonuses at once, a judgment a few points. Rows are written in key order, so that transactions touching the
 * same boards never deadlock.
 */
@Component
class BoardAggregates {

    private static final Period[] CALENDAR = {Period.DAY, Period.WEEK, Period.MONTH, Period.ALL};

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
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            add(List.of(new Score(points.judgeId(), points.at(), points.amount(), 0)));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending fresh = new Pending();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    add(fresh.scores);
                    fresh.scores.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BoardAggregates.this);
                }
            });
            pending = fresh;
        }
        pending.scores.add(new Score(points.judgeId(), points.at(), points.amount(), 0));
    }

    /** A judgment counts at once: badges for judgment counts read it in the same transaction. */
    @EventListener
    @Order(0)
    void on(JudgmentRecorded judgment) {
        add(List.of(new Score(judgment.judgeId(), judgment.at(), 0, 1)));
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

    private record Score(long judgeId, Instant at, int points, int judgments) {
    }

    /** The points of one transaction, not yet on the boards. */
    private static final class Pending {
        final List<Score> scores = new ArrayList<>();
    }

    /** What one board row gains; {@code at} is the latest score's time. */
    private static final class Gain {
        long points;
        long judgments;
        Instant at = Instant.EPOCH;

        void add(Score score) {
            points += score.points();
            judgments += score.judgments();
            at = score.at().isAfter(at) ? score.at() : at;
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

    private void add(List<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        Map<Instant, List<String>> keys = new HashMap<>();
        SortedMap<JudgeRow, Gain> gains = new TreeMap<>();
        for (Score score : scores) {
            for (String key : keys.computeIfAbsent(score.at(), this::keysAt)) {
                gains.computeIfAbsent(new JudgeRow(key, score.judgeId()), row -> new Gain()).add(score);
            }
        }
        Set<Long> judgeIds = new HashSet<>();
        gains.keySet().forEach(row -> judgeIds.add(row.judgeId()));
        Map<Long, Person> judges = judgeIds.size() == 1
                ? people.find(judgeIds.iterator().next()).map(p -> Map.of(p.id(), p)).orElse(Map.of())
                : people.byIds(judgeIds);

        List<JudgeRow> rows = new ArrayList<>(gains.keySet());
        List<Object[]> updates = new ArrayList<>(rows.size());
        rows.forEach(row -> {
            Gain gain = gains.get(row);
            updates.add(new Object[] {gain.points, gain.judgments, Timestamp.from(gain.at), row.key(), row.judgeId()});
        });
        int[] updated = jdbc.batchUpdate("update board_score set points = points + ?, judgments = judgments + ?, "
                + "updated_at = ? where period_key = ? and judge_id = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        SortedMap<TeamRow, Gain> teamGains = new TreeMap<>();
        Map<TeamRow, Integer> newMembers = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JudgeRow row = rows.get(i);
            Gain gain = gains.get(row);
            Person judge = judges.get(row.judgeId());
            String team = judge == null ? null : judge.team();
            if (updated[i] == 0) {
                inserts.add(new Object[] {row.key(), row.judgeId(), team, gain.points, gain.judgments,
                        Timestamp.from(gain.at)});
            }
            if (team != null) {
                TeamRow teamRow = new TeamRow(row.key(), team);
                Gain teamGain = teamGains.computeIfAbsent(teamRow, r -> new Gain());
                teamGain.points += gain.points;
                teamGain.judgments += gain.judgments;
                newMembers.merge(teamRow, updated[i] == 0 ? 1 : 0, Integer::sum);
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into board_score (period_key, judge_id, team, points, judgments, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?)", inserts);
        }
        addToTeams(teamGains, newMembers);
    }

    private void addToTeams(SortedMap<TeamRow, Gain> gains, Map<TeamRow, Integer> newMembers) {
        if (gains.isEmpty()) {
            return;
        }
        List<TeamRow> rows = new ArrayList<>(gains.keySet());
        List<Object[]> updates = new ArrayList<>(rows.size());
        rows.forEach(row -> updates.add(new Object[] {gains.get(row).points, gains.get(row).judgments,
                newMembers.get(row), row.key(), row.team()}));
        int[] updated = jdbc.batchUpdate("update team_board_score set points = points + ?, judgments = judgments + ?, "
                + "active_members = active_members + ? where period_key = ? and team = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(new Object[] {rows.get(i).key(), rows.get(i).team(), gains.get(rows.get(i)).points,
                        gains.get(rows.get(i)).judgments, newMembers.get(rows.get(i))});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into team_board_score (period_key, team, points, judgments, active_members) "
                    + "values (?, ?, ?, ?, ?)", inserts);
        }
    }
}
