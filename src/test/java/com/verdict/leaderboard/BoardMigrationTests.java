package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.MigrationScripts;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrations that rewrite the boards' rows on a database in use: V16 recounts the boards that rows written before it
 * left (teams as they were, every member with a row active); V17 gives frozen standings their teams.
 */
@VerdictTest
class BoardMigrationTests {

    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Seasons seasons;

    @BeforeEach
    void clean() {
        data.clearCatalog();
        jdbc.update("delete from season_standing");
        jdbc.update("delete from season");
    }

    @Test
    void judgesRowsCountForTheirTeamsNowAndTeamsForTheirMembersWithPoints() {
        String now = "Ibis-" + System.nanoTime();
        String before = "Stork-" + System.nanoTime();
        Person moved = data.user("moved", now);
        Person hasty = data.user("hasty", now);
        Person stayed = data.user("stayed", before);
        long ended = endedSeason("Old cup", moved, 8);
        score(moved, 4, Instant.now());
        score(hasty, 0, Instant.now());
        score(stayed, 5, Instant.now());
        // As boards were before: the moved judge's rows name the team of their first score, and every row is active.
        jdbc.update("update board_score set team = ? where judge_id = ?", before, moved.id());
        jdbc.update("delete from team_board_score");
        jdbc.update("insert into team_board_score (period_key, team, points, judgments, active_members) "
                + "select period_key, team, sum(points), sum(judgments), count(*) from board_score "
                + "group by period_key, team");
        String endedKey = Period.seasonKey(ended);
        Map<String, Object> endedRow = teamRow(endedKey, before);

        MigrationScripts.run(dataSource, "V16__board_teams_recounted_for_current_teams.sql");

        assertThat(jdbc.queryForList("select distinct team from board_score where judge_id = ? and period_key <> ?",
                String.class, moved.id(), endedKey)).containsExactly(now);
        assertThat(jdbc.queryForObject("select team from board_score where judge_id = ? and period_key = ?",
                String.class, moved.id(), endedKey)).as("an ended season keeps its teams").isEqualTo(before);
        assertThat(teamRow("all", now)).containsExactlyInAnyOrderEntriesOf(
                Map.of("POINTS", 12L, "JUDGMENTS", 3L, "ACTIVE_MEMBERS", 1));
        assertThat(teamRow("all", before)).containsExactlyInAnyOrderEntriesOf(
                Map.of("POINTS", 5L, "JUDGMENTS", 1L, "ACTIVE_MEMBERS", 1));
        assertThat(teamRow(endedKey, before)).isEqualTo(endedRow);
    }

    @Test
    void frozenStandingsTakeTheTeamsTheirSeasonsBoardShowed() {
        String team = "Plover-" + System.nanoTime();
        Person judge = data.user("frozen", team);
        long ended = endedSeason("Frozen cup", judge, 6);
        SeasonFreezes.freeze(seasons, ended);
        // As standings were frozen before V17: without a team.
        jdbc.execute("alter table season_standing drop column team");

        MigrationScripts.run(dataSource, "V17__season_standings_keep_teams.sql");

        assertThat(jdbc.queryForMap("select team, points from season_standing where season_id = ? and judge_id = ?",
                ended, judge.id())).containsEntry("TEAM", team).containsEntry("POINTS", 6L);
    }

    /** A season from 9 days ago to 3 days ago, in which {@code judge} scored {@code points} 5 days ago. */
    private long endedSeason(String title, Person judge, int points) {
        // Ended only once scored: the scheduled freeze may run at any moment.
        long id = seasons.create(title, "", Instant.now().minus(Duration.ofDays(9)),
                Instant.now().plus(Duration.ofDays(1))).id();
        score(judge, points, Instant.now().minus(Duration.ofDays(5)));
        jdbc.update("update season set ends_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(3))), id);
        return id;
    }


    /** A team's row: its points, judgments and active members. */
    private Map<String, Object> teamRow(String key, String team) {
        List<Map<String, Object>> rows = jdbc.queryForList("select points, judgments, active_members "
                + "from team_board_score where period_key = ? and team = ?", key, team);
        assertThat(rows).as("team %s on %s", team, key).hasSize(1);
        return Map.of("POINTS", ((Number) rows.get(0).get("points")).longValue(),
                "JUDGMENTS", ((Number) rows.get(0).get("judgments")).longValue(),
                "ACTIVE_MEMBERS", ((Number) rows.get(0).get("active_members")).intValue());
    }

    private void score(Person judge, int points, Instant at) {
        tx.executeWithoutResult(s -> {
            events.publishEvent(new PointsAwarded(judge.id(), null, "BASE", points, at));
            events.publishEvent(new JudgmentRecorded(0, judge.id(), 0, 0, 0, 0, Outcome.A, null, true,
                    Duration.ofSeconds(5), false, at));
        });
    }
}
