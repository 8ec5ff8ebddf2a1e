package com.verdict.leaderboard;

import com.verdict.VerdictTest;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Board reads at 10,000 judges in 50 teams whose 1,000,000 judgments are spread over the boards' periods.
 * Run: {@code mvn -Pbench test -Dtest=LeaderboardBenchmark}. Target: p99 under 10 ms for every board.
 */
@VerdictTest
class LeaderboardBenchmark {

    static final int JUDGES = 10_000;
    static final int TEAMS = 50;
    static final int JUDGMENTS = 1_000_000;
    static final int READS = 2_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    BoardAggregates aggregates;
    @Autowired
    PeopleService people;

    @Test
    void boardReads() {
        long seedStart = System.nanoTime();
        List<String> keys = aggregates.keysAt(Instant.now());
        seed(keys);
        System.out.printf("Seeded %,d judges, %,d judgments over %s in %.1f s%n", JUDGES, JUDGMENTS, keys,
                (System.nanoTime() - seedStart) / 1e9);
        Person viewer = people.findByUsername("bench-judge-" + (JUDGES - 1)).orElseThrow();
        Person lead = people.findByUsername("bench-judge-7").orElseThrow();

        measure("all-time top 20 + own row", () -> leaderboards.board(Period.ALL, null, viewer, false));
        measure("this week, around me (last place)", () -> leaderboards.board(Period.WEEK, null, viewer, true));
        measure("today, one team", () -> leaderboards.board(Period.DAY, "team-7", viewer, false));
        // The largest team board: every judge of the period is on the rank index the team's rows are read from.
        measure("all time, own team, around me", () -> leaderboards.board(Period.ALL, viewer.team(), viewer, true));
        measure("this month, as a lead (sees hidden)", () -> leaderboards.board(Period.MONTH, null, lead, false));
        measure("teams this week", () -> leaderboards.teams(Period.WEEK));
    }

    private void seed(List<String> keys) {
        jdbc.update("delete from team_board_score");
        jdbc.update("delete from board_score");
        jdbc.update("delete from judge_preference");
        String hash = jdbc.queryForObject("select password_hash from app_user fetch first 1 rows only", String.class);
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from app_user", Long.class);
        List<Object[]> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            teams.add(new Object[] {firstId + t, "team-" + t});
        }
        jdbc.batchUpdate("insert into team (id, name) values (?, ?)", teams);
        List<Object[]> users = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int j = 0; j < JUDGES; j++) {
            users.add(new Object[] {firstId + j, "bench-judge-" + j, "Bench Judge " + j, firstId + (j % TEAMS), hash,
                    now});
        }
        jdbc.batchUpdate("insert into app_user (id, username, display_name, team_id, password_hash, enabled, "
                + "created_at) values (?, ?, ?, ?, ?, true, ?)", users);
        jdbc.batchUpdate("insert into user_role (user_id, role) values (?, 'JUDGE')",
                users.stream().map(u -> new Object[] {u[0]}).toList());
        // The aggregates that 1,000,000 judgments leave behind: each judgment lands in every period's row.
        Random random = new Random(42);
        long[] judgments = new long[JUDGES];
        for (int i = 0; i < JUDGMENTS; i++) {
            judgments[(int) Math.min(JUDGES - 1, Math.abs(random.nextGaussian()) * JUDGES / 2.5)]++;
        }
        List<Object[]> rows = new ArrayList<>();
        for (String key : keys) {
            for (int j = 0; j < JUDGES; j++) {
                if (judgments[j] > 0) {
                    rows.add(new Object[] {key, firstId + j, "team-" + (j % TEAMS), judgments[j], judgments[j], now});
                }
            }
        }
        jdbc.batchUpdate("insert into board_score (period_key, judge_id, team, points, judgments, updated_at) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("insert into team_board_score (period_key, team, points, judgments, active_members) "
                + "select period_key, team, sum(points), sum(judgments), count(*) from board_score group by period_key, team");
        jdbc.batchUpdate("insert into judge_preference (judge_id, show_on_leaderboard) values (?, false)",
                List.of(new Object[] {firstId + 1}, new Object[] {firstId + 2}));
    }

    private static void measure(String what, Supplier<?> read) {
        // Warm-up: the JIT compiles the read path before it is timed.
        for (int i = 0; i < 1_000; i++) {
            read.get();
        }
        long[] nanos = new long[READS];
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-40s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what, nanos[READS / 2] / 1e6,
                nanos[READS * 99 / 100] / 1e6, nanos[READS - 1] / 1e6);
    }
}
