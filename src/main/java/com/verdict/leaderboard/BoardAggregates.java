package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every board's rows current as points and judgments arrive, inside their transactions, so that
 * reading a board never sums the ledger.
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
        add(points.judgeId(), points.at(), points.amount(), 0);
    }

    @EventListener
    @Order(0)
    void on(JudgmentRecorded judgment) {
        add(judgment.judgeId(), judgment.at(), 0, 1);
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

    private void add(long judgeId, Instant at, int points, int judgments) {
        String team = people.find(judgeId).map(Person::team).orElse(null);
        Timestamp now = Timestamp.from(at);
        for (String key : keysAt(at)) {
            int updated = jdbc.update("update board_score set points = points + ?, judgments = judgments + ?, "
                    + "updated_at = ? where period_key = ? and judge_id = ?", points, judgments, now, key, judgeId);
            boolean newMember = updated == 0;
            if (newMember) {
                jdbc.update("insert into board_score (period_key, judge_id, team, points, judgments, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?)", key, judgeId, team, points, judgments, now);
            }
            if (team != null) {
                addToTeam(key, team, points, judgments, newMember ? 1 : 0);
            }
        }
    }

    private void addToTeam(String key, String team, int points, int judgments, int newMembers) {
        int updated = jdbc.update("update team_board_score set points = points + ?, judgments = judgments + ?, "
                        + "active_members = active_members + ? where period_key = ? and team = ?",
                points, judgments, newMembers, key, team);
        if (updated == 0) {
            jdbc.update("insert into team_board_score (period_key, team, points, judgments, active_members) "
                    + "values (?, ?, ?, ?, ?)", key, team, points, judgments, newMembers);
        }
    }
}
