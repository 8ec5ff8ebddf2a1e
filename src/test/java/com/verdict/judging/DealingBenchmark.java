package com.verdict.judging;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.catalog.CatalogService;
import com.verdict.catalog.ImportMode;
import com.verdict.catalog.SampleFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Dealing at scale: 100,000 interactions of 3 responses (300,000 pairs, 1% gold) imported, then 1,000,000
 * judgments by 1,000 judges seeded with JDBC batches into an H2 file database; then times single deals for
 * random judges and prints the median, p90, p99 and max, in wall time and in the dealing thread's CPU time
 * (which other processes on a busy machine do not inflate). Run with
 * {@code mvn -Pbench test -Dtest=DealingBenchmark}; seeding takes minutes, so a seeded database in
 * /tmp/verdict-catalog-bench is reused unless {@code -Dbench.reseed=true}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:/tmp/verdict-catalog-bench/dealing;AUTO_SERVER=FALSE",
        "verdict.demo.enabled=false",
        "VERDICT_ADMIN_PASSWORD=bench-password",
        "verdict.judging.judgments-per-pair=5",
        "verdict.judging.min-reading-time=0s"})
class DealingBenchmark {

    static final int INTERACTIONS = 100_000;
    static final int JUDGES = 1_000;
    static final int JUDGMENTS = 1_000_000;
    static final long FIRST_ID = 1_000_000_000L;
    static final int[] JUDGMENTS_PER_PAIR = {5, 4, 3, 2, 4, 3, 5, 1};

    static {
        if (Boolean.getBoolean("bench.reseed")) {
            FileSystemUtils.deleteRecursively(Path.of("/tmp/verdict-catalog-bench/dealing.mv.db").toFile());
        }
    }

    @Autowired
    CatalogService catalog;
    @Autowired
    JudgingService judging;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void dealsInUnderFiveMillisecondsAtTheMedian() throws Exception {
        long[] judges = new long[JUDGES];
        Arrays.setAll(judges, i -> FIRST_ID + i);
        if (count("judgment") < JUDGMENTS) {
            long seedStart = System.nanoTime();
            Path file = SampleFiles.write("deal", INTERACTIONS, 3, 100);
            try (InputStream in = Files.newInputStream(file)) {
                catalog.importJsonl(in, ImportMode.ALL_OR_NOTHING);
            }
            Files.delete(file);
            seedJudges(judges);
            seedJudgments(judges);
            System.out.printf("BENCHMARK dealing: seeded in %,d s%n", (System.nanoTime() - seedStart) / 1_000_000_000);
        }
        System.out.printf("BENCHMARK dealing: %,d interactions, %,d pairs (%,d gold), %,d judgments, %,d judges%n",
                count("interaction"), count("pair"), jdbc.queryForObject("select count(*) from pair_pool where gold = true",
                        Long.class), count("judgment"), JUDGES);
        long judgedBefore = count("judgment");
        long goldBefore = goldJudgments();

        Random random = new Random(System.nanoTime());
        measure(judges, random, 500);
        long[][] times = measure(judges, random, 3_000);
        long[] wall = times[0];
        long[] cpu = times[1];
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("BENCHMARK dealing: %,d deals, wall: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "dealing thread CPU: median %.2f ms, p99 %.2f ms; load average %.1f%n",
                wall.length, ms(wall[wall.length / 2]), ms(wall[wall.length * 9 / 10]), ms(wall[wall.length * 99 / 100]),
                ms(wall[wall.length - 1]), ms(cpu[cpu.length / 2]), ms(cpu[cpu.length * 99 / 100]),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCHMARK dealing: %,d of the %,d pairs dealt in this run were gold%n",
                goldJudgments() - goldBefore, count("judgment") - judgedBefore);
        assertThat(ms(cpu[cpu.length / 2])).isLessThan(5.0);
    }

    /**
     * Times {@code deals} calls of next() for random judges, in wall and thread CPU nanoseconds; each deal is
     * then judged, untimed.
     */
    private long[][] measure(long[] judges, Random random, int deals) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[deals];
        long[] cpu = new long[deals];
        for (int i = 0; i < deals; i++) {
            long judge = judges[random.nextInt(judges.length)];
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Optional<Deal> deal = judging.next(judge, null);
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            assertThat(deal).isPresent();
            judging.judge(judge, deal.get().assignmentId(), Verdict.values()[random.nextInt(4)], null);
        }
        return new long[][] {wall, cpu};
    }

    private long goldJudgments() {
        return jdbc.queryForObject("select count(*) from judgment where gold_matched is not null", Long.class);
    }

    private void seedJudges(long[] ids) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        for (int i = 0; i < JUDGES; i++) {
            users.add(new Object[] {ids[i], "bench-judge-" + i, "Bench Judge " + i, "{noop}x", now});
            roles.add(new Object[] {ids[i], "JUDGE"});
        }
        jdbc.batchUpdate("insert into app_user (id, username, display_name, password_hash, enabled, created_at) "
                + "values (?, ?, ?, ?, true, ?)", users);
        jdbc.batchUpdate("insert into user_role (user_id, role) values (?, ?)", roles);
    }

    /**
     * Judgments spread over the oldest pairs as the game would leave them (1 to 5 each), gold pairs included;
     * the newest pairs stay unjudged. Pool counters are set to match.
     */
    private void seedJudgments(long[] judges) {
        List<long[]> pairs = jdbc.query("select id, candidate_a, interaction_id from pair order by id",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        Timestamp at = Timestamp.from(Instant.now().minusSeconds(86_400));
        List<Object[]> assignments = new ArrayList<>();
        List<Object[]> judgmentRows = new ArrayList<>();
        List<Object[]> pool = new ArrayList<>();
        long id = FIRST_ID;
        int made = 0;
        for (int p = 0; p < pairs.size() && made < JUDGMENTS; p++) {
            int k = Math.min(JUDGMENTS_PER_PAIR[p % JUDGMENTS_PER_PAIR.length], JUDGMENTS - made);
            long pairId = pairs.get(p)[0];
            for (int j = 0; j < k; j++) {
                long judge = judges[(p * 7 + j * 131) % judges.length];
                assignments.add(new Object[] {id, judge, pairId, pairs.get(p)[2], pairs.get(p)[1], at, at});
                judgmentRows.add(new Object[] {id, id, judge, pairId, at});
                id++;
            }
            made += k;
            pool.add(new Object[] {k, k, pairId});
            if (assignments.size() >= 20_000) {
                flush(assignments, judgmentRows);
            }
        }
        flush(assignments, judgmentRows);
        jdbc.batchUpdate("update pair_pool set reserved = ?, dealable = (gold = false and ? < slots) "
                + "where pair_id = ?", pool);
    }

    private void flush(List<Object[]> assignments, List<Object[]> judgmentRows) {
        jdbc.batchUpdate("insert into assignment (id, judge_id, pair_id, interaction_id, left_candidate, state, "
                + "dealt_at, closed_at) values (?, ?, ?, ?, ?, 'JUDGED', ?, ?)", assignments);
        jdbc.batchUpdate("insert into judgment (id, assignment_id, judge_id, pair_id, verdict, outcome, time_on_task_ms, "
                + "too_fast, points, total_points, created_at) values (?, ?, ?, ?, 'LEFT', 'A', 8000, false, 1, 0, ?)",
                judgmentRows);
        assignments.clear();
        judgmentRows.clear();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
