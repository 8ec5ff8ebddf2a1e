package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.people.Person;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A board is read once per change, and an unannounced change (another instance's fold) shows within its max age. */
@VerdictTest
class BoardSnapshotsTests {

    private static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final AtomicLong KEYS = new AtomicLong();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aBoardIsReadFromMemoryUntilAChangeIsAnnounced() {
        BoardSnapshots snapshots = new BoardSnapshots(jdbc, MAX_AGE, nanos::get);
        String key = key();
        Person first = data.user("snapshot");
        Person second = data.user("snapshot");
        row(key, first, 5);
        row(key, second, 9);

        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::judgeId)
                .as("most points first").containsExactly(second.id(), first.id());
        jdbc.update("update board_score set points = 20 where period_key = ? and judge_id = ?", key, first.id());
        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::points).as("from memory").containsExactly(9L, 5L);

        snapshots.changed();

        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::points).containsExactly(20L, 9L);
    }

    @Test
    void aChangeNobodyAnnouncedShowsOnceTheSnapshotIsAsOldAsTheMaxAge() {
        BoardSnapshots snapshots = new BoardSnapshots(jdbc, MAX_AGE, nanos::get);
        String key = key();
        Person judge = data.user("snapshot");
        row(key, judge, 5);
        snapshots.rows(key);
        jdbc.update("update board_score set points = 7 where period_key = ?", key);

        nanos.addAndGet(MAX_AGE.minusMillis(1).toNanos());
        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::points).containsExactly(5L);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::points).containsExactly(7L);
    }

    @Test
    void withoutAFoldIntervalEveryReadGoesToTheDatabase() {
        BoardSnapshots snapshots = new BoardSnapshots(jdbc, Duration.ZERO, nanos::get);
        String key = key();
        Person judge = data.user("snapshot");
        row(key, judge, 5);
        snapshots.rows(key);

        jdbc.update("update board_score set points = 6 where period_key = ?", key);

        assertThat(snapshots.rows(key)).extracting(BoardSnapshots.Row::points).containsExactly(6L);
    }

    @Test
    void rowsCarryTheirTeamAndWhetherTheJudgeHides() {
        BoardSnapshots snapshots = new BoardSnapshots(jdbc, MAX_AGE, nanos::get);
        String key = key();
        Person shy = data.user("snapshot", "Owls");
        Person open = data.user("snapshot");
        row(key, shy, 3);
        row(key, open, 3);
        jdbc.update("insert into judge_preference (judge_id, show_on_leaderboard) values (?, false)", shy.id());

        assertThat(snapshots.rows(key)).as("ties by judge id").containsExactly(
                new BoardSnapshots.Row(shy.id(), "Owls", 3, 1, true),
                new BoardSnapshots.Row(open.id(), null, 3, 1, false));
    }

    @Test
    void frozenStandingsAreReadOnceWithTheirTeamsAndWhoHidesNow() {
        BoardSnapshots snapshots = new BoardSnapshots(jdbc, MAX_AGE, nanos::get);
        // Far above what season_seq hands out, so no season made later by the app takes this id.
        long season = 900_000_000L + KEYS.incrementAndGet();
        jdbc.update("insert into season (id, title, prize, starts_at, ends_at, frozen_at) values (?, 'Frozen', '', ?, ?, ?)",
                season, Timestamp.from(Instant.now().minusSeconds(3600)), Timestamp.from(Instant.now().minusSeconds(60)),
                Timestamp.from(Instant.now()));
        Person shy = data.user("frozen", "Owls");
        Person open = data.user("frozen");
        jdbc.update("insert into season_standing (season_id, judge_id, team, rank, points, judgments) "
                + "values (?, ?, 'Larks', 2, 3, 1), (?, ?, null, 1, 8, 2)", season, shy.id(), season, open.id());
        jdbc.update("insert into judge_preference (judge_id, show_on_leaderboard) values (?, false)", shy.id());

        assertThat(snapshots.frozenRows(season)).as("the team they ended the season in").containsExactly(
                new BoardSnapshots.Row(open.id(), null, 8, 2, false),
                new BoardSnapshots.Row(shy.id(), "Larks", 3, 1, true));
        jdbc.update("update judge_preference set show_on_leaderboard = true where judge_id = ?", shy.id());
        assertThat(snapshots.frozenRows(season).get(1).hidden()).as("from memory").isTrue();

        snapshots.changed();

        assertThat(snapshots.frozenRows(season).get(1).hidden()).isFalse();
    }

    private static String key() {
        return "test:" + KEYS.incrementAndGet() + ":" + System.nanoTime() % 1_000_000;
    }

    private void row(String key, Person judge, long points) {
        jdbc.update("insert into board_score (period_key, judge_id, team, points, judgments, updated_at) "
                + "values (?, ?, ?, ?, 1, ?)", key, judge.id(), judge.team(), points, Timestamp.from(Instant.now()));
    }
}
