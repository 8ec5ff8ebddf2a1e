package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.InJvmApp;
import com.verdict.TestData;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Outcome;
import com.verdict.judging.PlayerProgress;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.Judges;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boards that fold pending scores (the default): a judgment's scores wait in {@code board_pending}, committed with
 * it, until a fold adds them to every board exactly once. The tests fold when they choose: the background folder
 * is stopped at start.
 * <p>
 * An app of its own (the shared test context writes boards at once), started beside the shared context as
 * {@link InJvmApp} does for that, on the test database.
 */
class BoardFoldingTests {

    private static ConfigurableApplicationContext app;

    PendingScores pending;
    Seasons seasons;
    BoardUpdates updates;
    JudgingService judging;
    TestData data;
    JdbcTemplate jdbc;
    TransactionTemplate tx;
    ApplicationEventPublisher events;

    @BeforeAll
    static void start() throws InterruptedException {
        String url = System.getProperty("verdict.test.datasource.url", "jdbc:h2:mem:board-folding;DB_CLOSE_DELAY=-1");
        app = InJvmApp.start("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + System.getProperty("verdict.test.datasource.username", "sa"),
                "--spring.datasource.password=" + System.getProperty("verdict.test.datasource.password", ""),
                "--verdict.demo.enabled=false", "--VERDICT_ADMIN_PASSWORD=admin-test-password",
                "--verdict.judging.min-reading-time=0s", "--verdict.judging.judgments-per-pair=3",
                "--verdict.scoring.refit-interval=0s", "--verdict.leaderboard.fold-interval=1m",
                "--server.port=0", "--spring.main.banner-mode=off");
        // Its fold (at most a minute apart) could land between a test's writes and its look at them before a fold.
        app.getBean(PendingScores.class).close();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void clean() {
        pending = app.getBean(PendingScores.class);
        seasons = app.getBean(Seasons.class);
        updates = app.getBean(BoardUpdates.class);
        judging = app.getBean(JudgingService.class);
        data = app.getBean(TestData.class);
        jdbc = app.getBean(JdbcTemplate.class);
        tx = app.getBean(TransactionTemplate.class);
        events = app;
        data.clearCatalog();
        jdbc.update("delete from season_standing");
        jdbc.update("delete from season");
    }

    @Test
    void judgmentsWaitForTheFoldThenCountOnEveryBoardOnce() {
        data.interactions("folded", 6);
        String team = "Folders-" + System.nanoTime();
        List<Person> members = List.of(data.user("folder", team), data.user("folder", team));
        Judges judges = new Judges(judging);
        members.forEach(member -> judges.voteAll(member, deal -> Outcome.A));

        assertThat(data.count("board_score")).as("board rows before the fold").isZero();
        long waiting = data.count("board_pending");
        assertThat(waiting).as("one pending row per judgment").isEqualTo(data.count("judgment"));

        assertThat(pending.foldAll()).isEqualTo(waiting);
        assertThat(data.count("board_pending")).isZero();
        assertBoardsMatchTheLedger(team, members.size());
        assertThat(jdbc.queryForObject("select count(distinct period_key) from board_score", Long.class))
                .as("day, week, month and all time").isEqualTo(4);

        assertThat(pending.foldAll()).as("a second fold").isZero();
        assertBoardsMatchTheLedger(team, members.size());
    }

    @Test
    void boardsAreServedFromMemoryUntilAFoldOrAJudgeHidingChangesThem() {
        LeaderboardService leaderboards = app.getBean(LeaderboardService.class);
        Person judge = data.user("snapshot");
        Person viewer = data.user("snapshot-viewer");
        score(judge, 4);
        pending.foldAll();
        assertThat(pointsOn(leaderboards.board(Period.ALL, null, viewer, false), judge)).isEqualTo(4);

        jdbc.update("update board_score set points = points + 100 where judge_id = ?", judge.id());
        assertThat(pointsOn(leaderboards.board(Period.ALL, null, viewer, false), judge))
                .as("a write that bypassed the app is not seen: the board is read from memory").isEqualTo(4);

        score(judge, 3);
        assertThat(pointsOn(leaderboards.board(Period.ALL, null, viewer, false), judge))
                .as("pending scores are not on the boards yet").isEqualTo(4);
        pending.foldAll();
        assertThat(pointsOn(leaderboards.board(Period.ALL, null, viewer, false), judge))
                .as("read again after the fold").isEqualTo(107);

        leaderboards.showOnLeaderboard(judge.id(), false);
        assertThat(leaderboards.board(Period.ALL, null, viewer, false).rows())
                .extracting(LeaderboardRow::username).doesNotContain(judge.username());
    }

    private void score(Person judge, int points) {
        Instant at = Instant.now();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new PointsAwarded(judge.id(), null, "BASE", points, at));
            events.publishEvent(new JudgmentRecorded(0, judge.id(), 0, 0, 0, 0, Outcome.A, null, true,
                    Duration.ofSeconds(5), false, at));
        });
    }

    private static long pointsOn(Board board, Person judge) {
        return board.rows().stream().filter(row -> row.username().equals(judge.username())).findFirst()
                .orElseThrow().points();
    }

    @Test
    void aJudgesLevelCountsPointsTheBoardsHaveNotFoldedYet() {
        data.interactions("levelled", 12);
        Person judge = data.user("leveller");
        new Judges(judging).voteAll(judge, deal -> Outcome.A);
        long points = judging.standing(judge.id()).points();
        assertThat(points).as("a point a judgment, no bonus settled yet").isEqualTo(12);
        assertThat(data.count("board_score")).as("board rows before the fold").isZero();

        PlayerProgress.Progress progress = app.getBean(PlayerProgress.class).of(judge.id());

        assertThat(progress.level()).isEqualTo(Levels.level(points)).isEqualTo(2);
        assertThat(progress.pointsToNextLevel()).isEqualTo(Levels.threshold(3) - points);
    }

    @Test
    void aRolledBackTransactionLeavesNothingPending() {
        Person judge = data.user("undone");
        tx.executeWithoutResult(status -> {
            score(judge, 3, Instant.now());
            status.setRollbackOnly();
        });
        assertThat(data.count("board_pending")).isZero();
        assertThat(pending.foldAll()).isZero();
        assertThat(data.count("board_score")).isZero();
    }

    @Test
    void foldingWhileATeamPlaysAddsEveryScoreExactlyOnce() throws Exception {
        data.interactions("busy", 30);
        String team = "Busy-" + System.nanoTime();
        List<Person> members = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            members.add(data.user("busy", team));
        }
        Judges judges = new Judges(judging);
        AtomicBoolean playing = new AtomicBoolean(true);
        AtomicInteger foldedMeanwhile = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(members.size() + 2);
        try {
            // Two folders at once stand for two instances of Verdict on one database.
            List<Future<?>> folders = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                folders.add(pool.submit(() -> {
                    while (playing.get()) {
                        foldedMeanwhile.addAndGet(pending.fold());
                    }
                    return null;
                }));
            }
            List<Future<?>> players = new ArrayList<>();
            for (Person member : members) {
                players.add(pool.submit(() -> judges.voteAll(member, deal -> Outcome.B)));
            }
            for (Future<?> player : players) {
                player.get();
            }
            playing.set(false);
            for (Future<?> folder : folders) {
                folder.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(foldedMeanwhile.get()).as("scores folded while the team played").isPositive();
        pending.foldAll();
        assertThat(data.count("board_pending")).isZero();
        assertBoardsMatchTheLedger(team, members.size());
    }

    @Test
    void aSeasonFreezesWithTheScoresStillPendingWhenItEnded() {
        Person judge = data.user("seasoned");
        Instant now = Instant.now();
        long season = seasons.create("Folded season", "A mug", now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS)).id();
        tx.executeWithoutResult(status -> score(judge, 7, now));
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(now.plusMillis(1)), season);

        SeasonFreezes.freeze(seasons, season);

        assertThat(jdbc.queryForList("select points from season_standing where season_id = ? and judge_id = ?",
                Long.class, season, judge.id())).containsExactly(7L);
        assertThat(data.count("board_pending")).isZero();
    }

    @Test
    void aJudgeMovingTeamTakesTheirFoldedAndPendingScoresAlong() {
        String from = "Herons-" + System.nanoTime();
        String to = "Egrets-" + System.nanoTime();
        Person mover = data.user("mover", from);
        tx.executeWithoutResult(status -> score(mover, 4, Instant.now()));
        pending.foldAll();
        tx.executeWithoutResult(status -> score(mover, 3, Instant.now()));

        app.getBean(PeopleService.class).update(mover.id(), mover.displayName(), to, Set.of(Role.JUDGE), true);
        pending.foldAll();

        assertThat(jdbc.queryForList("select distinct team from board_score where judge_id = ?", String.class,
                mover.id())).containsExactly(to);
        assertThat(jdbc.queryForList("select period_key from team_board_score where team = ?", String.class, from))
                .as("the team the mover left has nobody's scores").isEmpty();
        List<Map<String, Object>> rows = jdbc.queryForList("select points, judgments, active_members "
                + "from team_board_score where team = ?", to);
        assertThat(rows).hasSize(4).allSatisfy(row -> {
            assertThat(((Number) row.get("points")).longValue()).isEqualTo(7);
            assertThat(((Number) row.get("judgments")).longValue()).isEqualTo(2);
            assertThat(((Number) row.get("active_members")).intValue()).isEqualTo(1);
        });
    }

    @Test
    void aRenamedTeamsFoldedAndPendingScoresAreUnderItsNewName() {
        String typo = "Platfrom-" + System.nanoTime();
        String fixed = typo.replace("Platfrom", "Platform");
        Person member = data.user("member", typo);
        tx.executeWithoutResult(status -> score(member, 4, Instant.now()));
        pending.foldAll();
        tx.executeWithoutResult(status -> score(member, 3, Instant.now()));

        app.getBean(PeopleService.class).renameTeam(typo, fixed);
        pending.foldAll();

        assertThat(jdbc.queryForList("select distinct team from board_score where judge_id = ?", String.class,
                member.id())).containsExactly(fixed);
        assertThat(jdbc.queryForList("select period_key from team_board_score where team = ?", String.class, typo))
                .isEmpty();
        assertThat(jdbc.queryForList("select points from team_board_score where team = ?", Long.class, fixed))
                .hasSize(4).containsOnly(7L);
    }

    @Test
    void anUpcomingSeasonMovedToHaveStartedCountsFoldedAndPendingScoresOnce() {
        data.interactions("moved", 2);
        Judges judges = new Judges(judging);
        Person folded = data.user("folded");
        Person waiting = data.user("waiting");
        Instant now = Instant.now();
        long season = seasons.create("Moved", "", now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS)).id();
        judges.voteAll(folded, deal -> Outcome.A);
        pending.foldAll();
        judges.voteAll(waiting, deal -> Outcome.A);
        String key = Period.seasonKey(season);
        assertThat(jdbc.queryForList("select judge_id from board_score where period_key = ?", Long.class, key))
                .as("not started: no board yet").isEmpty();

        seasons.edit(season, "Moved", "", now.minus(1, ChronoUnit.HOURS), null);
        pending.foldAll();

        for (Person judge : List.of(folded, waiting)) {
            assertThat(jdbc.queryForMap("select points, judgments from board_score where period_key = ? "
                    + "and judge_id = ?", key, judge.id())).as(judge.username()).isEqualTo(jdbc.queryForMap(
                            "select points, judgments from judge_score where judge_id = ?", judge.id()));
        }
    }

    @Test
    void aSeasonStartingInThePastCountsFoldedPendingAndUnderwayScoresOnce() throws Exception {
        data.interactions("backdated", 2);
        Judges judges = new Judges(judging);
        Person folded = data.user("folded");
        Person waiting = data.user("waiting");
        Person underway = data.user("underway");
        judges.voteAll(folded, deal -> Outcome.A);
        pending.foldAll();
        judges.voteAll(waiting, deal -> Outcome.A);
        Instant now = Instant.now();
        CountDownLatch scored = new CountDownLatch(1);
        CountDownLatch created = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long season;
        try {
            // Scores made while the season is being created: their boards are decided without it.
            Future<?> scoring = pool.submit(() -> tx.executeWithoutResult(status -> {
                score(underway, 5, Instant.now());
                scored.countDown();
                try {
                    assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(scored.await(30, TimeUnit.SECONDS)).isTrue();
            season = seasons.create("Backdated", "A mug", now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS))
                    .id();
            created.countDown();
            scoring.get();
        } finally {
            pool.shutdown();
        }
        String key = Period.seasonKey(season);
        assertThat(jdbc.queryForList("select judge_id from board_score where period_key = ?", Long.class, key))
                .as("before the fold").containsExactly(folded.id());

        pending.foldAll();

        for (Person judge : List.of(folded, waiting)) {
            assertThat(jdbc.queryForMap("select points, judgments from board_score where period_key = ? "
                    + "and judge_id = ?", key, judge.id())).as(judge.username()).isEqualTo(jdbc.queryForMap(
                            "select points, judgments from judge_score where judge_id = ?", judge.id()));
        }
        assertThat(jdbc.queryForObject("select points from board_score where period_key = ? and judge_id = ?",
                Long.class, key, underway.id())).isEqualTo(5);
    }

    @Test
    void openBoardsHearOfScoresOnceTheyAreFolded() {
        Person judge = data.user("watched");
        AtomicInteger heard = new AtomicInteger();
        var subscription = updates.subscribe(heard::incrementAndGet);
        try {
            updates.notifyListeners();
            heard.set(0);
            tx.executeWithoutResult(status -> score(judge, 2, Instant.now()));
            updates.notifyListeners();
            assertThat(heard.get()).as("before the fold").isZero();

            pending.foldAll();
            updates.notifyListeners();
            assertThat(heard.get()).as("after the fold").isEqualTo(1);
        } finally {
            subscription.remove();
        }
    }

    private void score(Person judge, int points, Instant at) {
        events.publishEvent(new PointsAwarded(judge.id(), null, "BASE", points, at));
        events.publishEvent(new JudgmentRecorded(0, judge.id(), 0, 0, 0, 0, Outcome.A, null, true,
                Duration.ofSeconds(5), false, at));
    }

    /** Every board of every member equals the member's ledger totals; the team's rows are their sums. */
    private void assertBoardsMatchTheLedger(String team, int members) {
        List<Map<String, Object>> judges = jdbc.queryForList("""
                select s.judge_id, s.points, s.judgments from judge_score s join app_user u on u.id = s.judge_id
                join team t on t.id = u.team_id where t.name = ?""", team);
        assertThat(judges).hasSize(members);
        long teamPoints = 0;
        long teamJudgments = 0;
        for (Map<String, Object> judge : judges) {
            long points = ((Number) judge.get("points")).longValue();
            long judgments = ((Number) judge.get("judgments")).longValue();
            assertThat(judgments).isPositive();
            teamPoints += points;
            teamJudgments += judgments;
            List<Map<String, Object>> rows = jdbc.queryForList("select points, judgments from board_score "
                    + "where judge_id = ?", judge.get("judge_id"));
            assertThat(rows).as("board rows of judge %s", judge.get("judge_id")).hasSize(4)
                    .allSatisfy(row -> {
                        assertThat(((Number) row.get("points")).longValue()).isEqualTo(points);
                        assertThat(((Number) row.get("judgments")).longValue()).isEqualTo(judgments);
                    });
        }
        List<Map<String, Object>> teamRows = jdbc.queryForList("select points, judgments, active_members "
                + "from team_board_score where team = ?", team);
        assertThat(teamRows).hasSize(4);
        for (Map<String, Object> row : teamRows) {
            assertThat(((Number) row.get("points")).longValue()).isEqualTo(teamPoints);
            assertThat(((Number) row.get("judgments")).longValue()).isEqualTo(teamJudgments);
            assertThat(((Number) row.get("active_members")).intValue()).isEqualTo(members);
        }
    }
}
