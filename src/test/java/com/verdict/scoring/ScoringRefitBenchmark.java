package com.verdict.scoring;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Outcome;
import com.verdict.judging.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full refit of 1,000,000 judgments, and the incremental update per judgment, on a file database like
 * production's, starting from a copy of {@link BenchSeed}'s never-scored database (5,000 judges, 300,000 pairs,
 * 1,000,000 judgments). Prints the figures. Run with
 * {@code mvn -Pbench test -Dtest=ScoringRefitBenchmark -Dbench.heap=512m}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:" + ScoringRefitBenchmark.RUN_DB,
        "verdict.demo.enabled=false",
        "VERDICT_ADMIN_PASSWORD=bench-admin-password",
        "verdict.judging.min-reading-time=3s",
        "verdict.scoring.refit-interval=0s",
        "logging.level.com.verdict.scoring.ConsensusRefit=debug"})
class ScoringRefitBenchmark {

    static final String RUN_DB = "/tmp/verdict-scoring-bench/run";

    private static final int NEW_JUDGMENTS = 10_000;

    @Autowired
    ConsensusRefit refit;
    @Autowired
    PointsLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final LiveHeap liveHeap = new LiveHeap();

    @BeforeAll
    static void prepareDatabase() throws Exception {
        BenchSeed.copyTo(Path.of(RUN_DB));
    }

    @Test
    void refitsAMillionJudgments() {
        System.out.printf("BENCH max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        measureRefit("cold refit (every pair settled for the first time, every bonus awarded)");
        measureIncremental();
        measureRefit("refit after " + NEW_JUDGMENTS + " more judgments");
        measureRefit("refit with nothing new");
    }

    /**
     * Wall time, and the refit thread's own CPU time: on a shared machine the difference is time spent waiting
     * for a core (or on the disk).
     */
    private void measureRefit(String what) {
        System.gc();
        long before = liveHeap.reset();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long started = System.nanoTime();
        RefitSummary summary = refit.refit();
        double elapsed = seconds(started);
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("BENCH %s: %.2f s (refit thread CPU %.2f s; load average %.1f); heap in use after GC: "
                        + "%d MB before, at most %d MB during; %s%n", what, elapsed, cpuSeconds, load, before >> 20,
                liveHeap.peak() >> 20, summary);
    }

    private void measureIncremental() {
        SplittableRandom random = new SplittableRandom(99);
        long[] pairs = jdbc.queryForList("select pair_id from pair_tally", Long.class).stream()
                .mapToLong(Long::longValue).toArray();
        long[] nanos = new long[NEW_JUDGMENTS];
        for (int i = 0; i < NEW_JUDGMENTS; i++) {
            long pairId;
            long judgeId;
            do {
                pairId = pairs[random.nextInt(pairs.length)];
                judgeId = BenchSeed.BASE_ID + random.nextInt(BenchSeed.JUDGES);
            } while (jdbc.queryForObject("select count(*) from assignment where judge_id = ? and pair_id = ?",
                    Integer.class, judgeId, pairId) > 0);
            JudgmentRecorded judgment = storeJudgment(pairId, judgeId, BenchSeed.BASE_ID * 10 + i, random);
            nanos[i] = transactions.execute(tx -> {
                long started = System.nanoTime();
                ledger.award(judgment);
                return System.nanoTime() - started;
            });
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("BENCH incremental update per judgment (ledger, vote, pair, interaction, settle "
                        + "bonuses): mean %.3f ms, median %.3f ms, p99 %.3f ms over %,d judgments%n", mean,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, NEW_JUDGMENTS);
    }

    /**
     * The rows judging writes before it calls the scorekeeper: an assignment and its judgment, by a judge who
     * behaves as in the seed, taking the pair's current decision for the truth.
     */
    private JudgmentRecorded storeJudgment(long pairId, long judgeId, long id, SplittableRandom random) {
        long[] pair = jdbc.queryForObject("select p.interaction_id, p.candidate_a, p.candidate_b, "
                        + "coalesce(t.decision, 0) from pair p join pair_tally t on t.pair_id = p.id where p.id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, pairId);
        boolean aLeft = random.nextBoolean();
        int said = BenchSeed.say((int) (judgeId - BenchSeed.BASE_ID), (int) pair[3], aLeft, random);
        Outcome outcome = Outcome.values()[Outcomes.flip(said, aLeft)];
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into assignment (id, judge_id, pair_id, interaction_id, left_candidate, state, dealt_at, "
                + "closed_at) values (?, ?, ?, ?, ?, 'JUDGED', ?, ?)", id, judgeId, pairId, pair[0],
                aLeft ? pair[1] : pair[2], now, now);
        jdbc.update("insert into judgment (id, assignment_id, judge_id, pair_id, verdict, outcome, time_on_task_ms, "
                + "too_fast, points, total_points, created_at) values (?, ?, ?, ?, 'TIE', ?, 8000, false, 0, 0, ?)",
                id, id, judgeId, pairId, outcome.name(), now);
        return new JudgmentRecorded(id, judgeId, pairId, pair[0], pair[1], pair[2], outcome, null, aLeft,
                Duration.ofSeconds(8), false, now.toInstant());
    }

    /**
     * The most heap in use right after a garbage collection since the last reset: what the application really
     * holds, garbage left out.
     */
    static final class LiveHeap implements NotificationListener {

        private final AtomicLong peak = new AtomicLong();

        LiveHeap() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }

        /** Starts a new measure from what is in use now; returns that. */
        long reset() {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peak.set(now);
            return now;
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum()
                        - nonHeap(info);
                peak.accumulateAndGet(used, Math::max);
            }
        }

        private static long nonHeap(GcInfo info) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.NON_HEAP)
                    .mapToLong(p -> info.getMemoryUsageAfterGc().containsKey(p.getName())
                            ? info.getMemoryUsageAfterGc().get(p.getName()).getUsed() : 0)
                    .sum();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
