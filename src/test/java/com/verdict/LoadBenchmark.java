package com.verdict;

import com.verdict.base.EmbeddedH2;
import com.verdict.scoring.BenchSeed;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The load harness: the whole app on loopback over a database the size of a company-wide contest
 * ({@link BenchSeed}: 100,000 interactions, 1,000,000 judgments, 5,000 judges in 50 teams), driven over REST
 * the way many judges at once would drive it. It prints, phase by phase:
 * <ol>
 * <li>the first scoring refit of the seeded judgments (the seed is stored unscored);</li>
 * <li>an import of fresh interactions for the judges to play (over REST, as an engineer);</li>
 * <li>judges at a human pace: {@code bench.judges} (200) judges each judging a pair and getting the next every
 * 3 s, in one call as a bot would ({@code -Dbench.flow=two-trips}: a call to deal and a call to judge), while two
 * readers load a leaderboard ten times a second each; deal+judge latency p50/p99, the rate reached, leaderboard
 * read latency;</li>
 * <li>the same at half and at all of a steady pace of {@code bench.rate} (1,000) judgments a second
 * together;</li>
 * <li>the same judges at full speed, without pauses: the most the machine serves;</li>
 * <li>the Dolly export over REST and a full refit with all the new judgments in.</li>
 * </ol>
 * Run with {@code mvn -Pbench test -Dtest=LoadBenchmark} (add {@code -Dbench.seconds=60} for longer phases,
 * {@code -Dbench.steady-phases=3} for the steady pace three times over, {@code -Dbench.timeline=true} for each
 * steady phase second by second).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${bench.postgres-url:jdbc:h2:file:" + LoadBenchmark.RUN_DB
                + ";AUTO_COMPACT_FILL_RATE=0;CACHE_SIZE=${bench.h2-cache-kb:16384};QUERY_CACHE_SIZE=256${bench.h2-settings:}}",
        "spring.datasource.username=${bench.postgres-user:sa}",
        "verdict.demo.enabled=false",
        "VERDICT_ADMIN_PASSWORD=" + LoadBenchmark.ADMIN_PASSWORD,
        // Load tools judge without reading.
        "verdict.judging.min-reading-time=0s",
        "verdict.judging.daily-cap=0",
        "verdict.scoring.refit-interval=0s",
        "logging.level.com.verdict.scoring.ConsensusRefit=debug"})
class LoadBenchmark {

    static final String RUN_DB = "/tmp/verdict-load-bench/run";
    /**
     * -Dbench.postgres-url (and -Dbench.postgres-user): the app on that PostgreSQL database instead of a copy of the
     * H2 seed; it must be empty, and is seeded first. {@code scripts/bench-postgres.sh} runs the benchmark so.
     */
    private static final String POSTGRES_URL = System.getProperty("bench.postgres-url");
    private static final String DATABASE_URL = POSTGRES_URL != null ? POSTGRES_URL : "jdbc:h2:file:" + RUN_DB;
    /** As the app's {@code spring.datasource.username} above. */
    private static final String DATABASE_USER = System.getProperty("bench.postgres-user", "sa");
    static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String ENGINEER_PASSWORD = "bench-engineer-password";
    private static final int JUDGES = Integer.getInteger("bench.judges", 200);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    /** A judge reading and deciding takes a few seconds: each of them judging every 3 s. */
    private static final int HUMAN_RATE = JUDGES / 3;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARM_UP_SECONDS = 30;
    /** -Dbench.steady-phases=3: the steady pace's phase that many times, for its spread from phase to phase. */
    private static final int STEADY_PHASES = Integer.getInteger("bench.steady-phases", 1);
    /** The issue's goal for deal+judge at the steady pace: each phase says how many calls took longer. */
    private static final long P99_GOAL_MILLIS = 50;
    /** Each of the two readers loads a board ten times a second: people glance at boards, they do not poll them. */
    private static final long BOARD_READ_INTERVAL = 100_000_000L;
    /** -Dbench.flow=two-trips: a call to deal and a call to judge each pair, instead of judging with ?next=true. */
    private static final boolean ONE_TRIP = !"two-trips".equals(System.getProperty("bench.flow", "one-trip"));
    /** Off with -Dbench.first-refit=false to profile judging sooner (no refit before or after). */
    private static final boolean FIRST_REFIT = Boolean.parseBoolean(System.getProperty("bench.first-refit", "true"));
    /**
     * -Dbench.timeline=true: after each steady-pace phase, a line per second: calls, calls over the goal, and what
     * the machine did meanwhile (GC, folds, writes and forces of the H2 file, H2's chunks, CPU), to tell a slow
     * second's cause.
     */
    private static final boolean TIMELINE = Boolean.getBoolean("bench.timeline");
    /** A fresh interaction of three responses is three pairs of three judgments each. */
    private static final int JUDGMENTS_PER_INTERACTION = 9;
    /**
     * Enough fresh interactions for every phase, full speed counted at 2,500/s, with a quarter to spare (at least
     * 20,000): judges who run out of pairs would measure the wait for none, not judging.
     */
    private static final int FRESH_INTERACTIONS = Math.max(20_000, (int) Math.ceil(1.25
            * (WARM_UP_SECONDS * RATE + (long) SECONDS * (HUMAN_RATE + RATE / 2 + STEADY_PHASES * RATE + 2_500))
            / JUDGMENTS_PER_INTERACTION / 1_000.0) * 1_000);
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment\":(\\d+)");
    private static final String[] VERDICTS = {"LEFT", "RIGHT", "TIE", "BOTH_BAD"};

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    DataSource dataSource;
    /** The app's meters, for the phases: the harness runs in the app's JVM. */
    private static MeterRegistry meters;
    /** The app's H2 store, for the timeline; null on PostgreSQL. */
    private static MVStore h2;
    /** The phase being played, for {@link TimesJudgingInTheApp}; null between phases. */
    private static volatile Phase playing;

    /**
     * Times each judging call inside the app, from the first servlet filter to the response written: the
     * latency without the client's side (its threads, its HTTP stack) and without the wait for a Tomcat thread.
     */
    @TestConfiguration
    static class TimesJudgingInTheApp {

        private static final Pattern JUDGING = Pattern.compile("/api/assignments/\\d+/judgment");

        @Bean
        FilterRegistrationBean<Filter> judgingTimer() {
            Filter timer = (request, response, chain) -> {
                Phase phase = playing;
                long started = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (phase != null && request instanceof HttpServletRequest http
                            && JUDGING.matcher(http.getRequestURI()).matches()) {
                        phase.judgingInTheApp.add(System.nanoTime() - started);
                    }
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(timer);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /**
     * The judges' HTTP client: blocking, on each judge's own thread, a kept-alive connection per judge. The JDK's
     * client hands every call to its selector and executor threads, and took 0.33-0.37 ms of the shared cores' CPU
     * per deal+judge at 1,000/s.
     */
    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(JUDGES + 8).setMaxConnPerRoute(JUDGES + 8)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(Timeout.ofMinutes(10)).build())
                    .build())
            .disableAutomaticRetries().disableCookieManagement().build();

    /** An answer to one call: its status and body. */
    private record Response(int status, String path, String body) {
    }

    /** The seed's copy, with an admin and an engineer added (the seed has judges only). */
    @BeforeAll
    static void database() throws Exception {
        if (POSTGRES_URL != null) {
            BenchSeed.seedEmpty(POSTGRES_URL, DATABASE_USER);
        } else {
            BenchSeed.copyTo(Path.of(RUN_DB));
        }
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, DATABASE_USER, "");
                PreparedStatement user = connection.prepareStatement("insert into app_user (id, username, "
                        + "display_name, password_hash, enabled, created_at) values (?, ?, ?, ?, true, ?)");
                PreparedStatement role = connection.prepareStatement(
                        "insert into user_role (user_id, role) values (?, ?)")) {
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
            Object[][] staff = {{1L, "admin", ADMIN_PASSWORD, "ADMIN"}, {2L, "engineer", ENGINEER_PASSWORD, "ENGINEER"}};
            for (Object[] person : staff) {
                user.setLong(1, (Long) person[0]);
                user.setString(2, (String) person[1]);
                user.setString(3, "Bench " + person[1]);
                user.setString(4, encoder.encode((String) person[2]));
                user.setTimestamp(5, Timestamp.from(Instant.now()));
                user.executeUpdate();
                role.setLong(1, (Long) person[0]);
                role.setString(2, (String) person[3]);
                role.executeUpdate();
            }
        }
    }

    @Test
    void load() throws Exception {
        meters = registry;
        h2 = EmbeddedH2.fileStoreOf(dataSource).orElse(null);
        String admin = basic("admin", ADMIN_PASSWORD);
        System.out.printf("BENCH load harness: %d processors, max heap %d MB, %s, %,d judgments seeded; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                POSTGRES_URL != null ? "PostgreSQL " + POSTGRES_URL : "H2 file " + RUN_DB,
                BenchSeed.JUDGMENTS, ONE_TRIP ? "one trip per pair (each judgment asks for the next pair)"
                        : "two trips per pair (a call to deal, a call to judge)");
        printMemoryLatency("before the run");

        long started = System.nanoTime();
        String summary;
        if (FIRST_REFIT) {
            summary = send(admin, "POST", "/api/admin/scoring/refit", null, 200);
            System.out.printf("BENCH first refit of the seeded judgments: %.1f s (database %,d MB)  %s%n",
                    seconds(started), databaseBytes() >> 20, summary);
        }

        String engineer = basic("engineer", ENGINEER_PASSWORD);
        started = System.nanoTime();
        send(engineer, "POST", "/api/interactions", freshInteractions(), 200);
        System.out.printf("BENCH import of %,d fresh interactions (3 responses each) over REST: %.1f s%n",
                FRESH_INTERACTIONS, seconds(started));

        started = System.nanoTime();
        signIn();
        System.out.printf("BENCH %d judges signed in (one BCrypt check each, then remembered): %.1f s%n", JUDGES,
                seconds(started));
        play("warm-up", WARM_UP_SECONDS, RATE);
        play("human pace", SECONDS, HUMAN_RATE).print();
        play("half the goal's pace", SECONDS, RATE / 2).print();
        for (int i = 1; i <= STEADY_PHASES; i++) {
            play(STEADY_PHASES == 1 ? "steady pace" : "steady pace, " + i + " of " + STEADY_PHASES, SECONDS, RATE)
                    .print(TIMELINE);
        }
        Phase flatOut = play("full speed", SECONDS, 0);
        flatOut.print();

        started = System.nanoTime();
        long[] exported = download(engineer, "/api/export/dolly.jsonl");
        double exportSeconds = seconds(started);
        System.out.printf("BENCH Dolly export over REST: %,d records, %.1f MB in %.2f s (%,.0f records/s)%n",
                exported[0], exported[1] / 1e6, exportSeconds, exported[0] / exportSeconds);

        if (FIRST_REFIT) {
            // Without the first refit this would be it, with nothing to compare.
            started = System.nanoTime();
            summary = send(admin, "POST", "/api/admin/scoring/refit", null, 200);
            System.out.printf("BENCH full refit after the load: %.1f s  %s%n", seconds(started), summary);
        }
        printMemoryLatency("after the run");
    }

    /**
     * How long one read of memory outside the caches takes on this machine now: 256 MB read at random, each read
     * depending on the one before. H2's work is bound by such reads, and machines of the same kind (and one
     * machine from one hour to the next) differed by a third here, so each run says how fast its machine was.
     */
    private static void printMemoryLatency(String when) {
        int slots = 1 << 25;
        long[] memory = new long[slots];
        for (int i = 0; i < slots; i++) {
            memory[i] = i * 0x9E3779B97F4A7C15L;
        }
        int reads = 20_000_000;
        int at = 1;
        long started = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            at = (int) ((memory[at] ^ i) & (slots - 1));
        }
        System.out.printf("BENCH memory latency %s: %.0f ns a random read (%d)%n", when,
                (System.nanoTime() - started) / (double) reads, at & 1);
    }

    /**
     * {@value #JUDGES} judges play for {@code seconds}: each asks for a pair and judges it, then waits for its
     * turn so that all together make {@code rate} judgments a second ({@code 0}: no waiting). Two readers load
     * leaderboards meanwhile.
     */
    private Phase play(String name, int seconds, int rate) throws InterruptedException {
        Phase phase = new Phase(name, seconds);
        playing = phase;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long interval = rate == 0 ? 0 : 1_000_000_000L * JUDGES / rate;
        CountDownLatch done = new CountDownLatch(JUDGES + 3);
        new Thread(() -> {
            try {
                watch(end, phase);
            } finally {
                done.countDown();
            }
        }, "phase-watcher").start();
        for (int j = 0; j < JUDGES; j++) {
            int judge = judgeNumber(j);
            new Thread(() -> {
                try {
                    judge(judge, end, interval, phase);
                } finally {
                    phase.clientThreadsCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, "judge-" + judge).start();
        }
        for (int r = 0; r < 2; r++) {
            int reader = r;
            new Thread(() -> {
                try {
                    readBoards(reader, end, phase);
                } finally {
                    phase.clientThreadsCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, "reader-" + r).start();
        }
        done.await();
        phase.ended();
        playing = null;
        return phase;
    }

    /**
     * Samples the machine's written pages not yet on disk every 100 ms, keeping the most, and each second what
     * the machine did in it (for the timeline).
     */
    private static void watch(long end, Phase phase) {
        Second last = Second.now();
        long nextSecond = phase.startedNanos + 1_000_000_000L;
        while (System.nanoTime() < end) {
            phase.mostUnwrittenKb.accumulateAndGet(unwrittenKb(), Math::max);
            if (System.nanoTime() >= nextSecond) {
                Second now = Second.now();
                phase.timeline.add(now.since(last));
                last = now;
                nextSecond += 1_000_000_000L;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Memory the kernel holds in pages written to files but not yet to disk (Linux's Dirty); -1 elsewhere. */
    private static long unwrittenKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("Dirty:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Every judge's first call pays a BCrypt check (about 70 ms of CPU, then the password is remembered): done
     * here, so that the phases measure judging, not 200 sign-ins.
     */
    private void signIn() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int j = 0; j < JUDGES; j++) {
                String credentials = basic("judge" + judgeNumber(j), BenchSeed.PASSWORD);
                calls.add(pool.submit(() -> send(credentials, "GET", "/api/me", null, 200)));
            }
            for (Future<String> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Judges spread over all teams (judge i is in team i mod 50), as a company's would be. */
    private static int judgeNumber(int j) {
        return (j * 23) % BenchSeed.JUDGES;
    }

    /**
     * One judge's loop: a pair dealt and judged, again and again. In one trip (the default) each judgment asks for
     * the next pair too ({@code ?next=true}), so a pair costs one call once the first is dealt; in two trips it
     * costs a call to deal and a call to judge.
     */
    private void judge(int judge, long end, long interval, Phase phase) {
        String credentials = basic("judge" + judge, BenchSeed.PASSWORD);
        SplittableRandom random = new SplittableRandom(judge);
        long next = System.nanoTime() + (interval == 0 ? 0 : random.nextLong(interval));
        String dealt = null;
        while (true) {
            pauseUntil(next);
            long started = System.nanoTime();
            if (started >= end) {
                return;
            }
            next += interval;
            try {
                if (dealt == null) {
                    Response deal = request(credentials, "POST", "/api/assignments/next", null);
                    if (deal.status() == 204) {
                        phase.noPair.incrementAndGet();
                        continue;
                    }
                    dealt = assignmentIn(deal);
                    if (dealt == null) {
                        phase.failed(deal);
                        continue;
                    }
                }
                Response judged = request(credentials, "POST",
                        "/api/assignments/" + dealt + "/judgment" + (ONE_TRIP ? "?next=true" : ""),
                        "{\"verdict\": \"" + VERDICTS[random.nextInt(VERDICTS.length)] + "\"}");
                dealt = null;
                if (judged.status() != 200) {
                    phase.failed(judged);
                    continue;
                }
                phase.judged(started, System.nanoTime() - started);
                if (ONE_TRIP) {
                    dealt = assignmentIn(judged);
                }
            } catch (IOException e) {
                phase.errors.add(e.toString());
            }
        }
    }

    /** The id of the pair dealt in a 200 answer, else null. */
    private static String assignmentIn(Response response) {
        Matcher assignment = ASSIGNMENT.matcher(response.body());
        return response.status() == 200 && assignment.find() ? assignment.group(1) : null;
    }

    private void readBoards(int reader, long end, Phase phase) {
        SplittableRandom random = new SplittableRandom(-reader);
        String[] boards = {"/api/leaderboard?period=week&around=me", "/api/leaderboard?period=all",
                "/api/leaderboard/teams?period=week", "/api/leaderboard?period=day&team=Team%20" + reader};
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            pauseUntil(next);
            next += BOARD_READ_INTERVAL;
            String credentials = basic("judge" + random.nextInt(50), BenchSeed.PASSWORD);
            long started = System.nanoTime();
            try {
                Response board = request(credentials, "GET", boards[random.nextInt(boards.length)], null);
                if (board.status() != 200) {
                    phase.failed(board);
                    continue;
                }
                phase.boards.add(System.nanoTime() - started);
            } catch (IOException e) {
                phase.errors.add(e.toString());
            }
        }
    }

    /** What one phase measured. */
    private static final class Phase {
        final String name;
        final int seconds;
        final long startedNanos = System.nanoTime();
        final Samples dealAndJudge = new Samples();
        /** Deal+judge calls by the second of the phase they started in, and those over the goal. */
        final AtomicIntegerArray callsBySecond;
        final AtomicIntegerArray slowBySecond;
        /** What the machine did, second by second. */
        final ConcurrentLinkedQueue<Second> timeline = new ConcurrentLinkedQueue<>();
        final Samples judgingInTheApp = new Samples();
        final Samples boards = new Samples();
        final AtomicInteger noPair = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        /** CPU of the whole process (server and client), the judging desk's writer and the boards' folder. */
        final long processCpuAtStart = processCpuNanos();
        /** CPU of every process on the machine: PostgreSQL's server too, when the app runs on it. */
        final long machineCpuAtStart = machineCpuNanos();
        final Map<String, Long> threadsCpuAtStart = cpuByThreadKind();
        Map<String, Long> threadsCpu;
        /** CPU of the phase's judge and reader threads, each adding its own as it ends. */
        final LongAdder clientThreadsCpu = new LongAdder();
        final long batchesAtStart = batches().count();
        final double batchedAtStart = batches().totalAmount();
        final long forcesAtStart = writebacks().map(Timer::count).orElse(0L);
        final double forcingAtStart = writebacks().map(timer -> timer.totalTime(TimeUnit.MILLISECONDS)).orElse(0.0);
        final AtomicLong mostUnwrittenKb = new AtomicLong(-1);
        long forces;
        double forcingMillis;
        double meanBatch;
        long processCpu;
        long machineCpu;
        long deskCpu;
        long folderCpu;
        long storeCpu;
        long clientCpu;

        Phase(String name, int seconds) {
            this.name = name;
            this.seconds = seconds;
            this.callsBySecond = new AtomicIntegerArray(seconds + 1);
            this.slowBySecond = new AtomicIntegerArray(seconds + 1);
        }

        void judged(long startedNanos, long nanos) {
            dealAndJudge.add(nanos);
            int second = (int) Math.min(seconds, (startedNanos - this.startedNanos) / 1_000_000_000L);
            callsBySecond.incrementAndGet(second);
            if (nanos > P99_GOAL_MILLIS * 1_000_000) {
                slowBySecond.incrementAndGet(second);
            }
        }

        /** A line per second of the phase: its calls, those over the goal, and what the machine did meanwhile. */
        void printTimeline() {
            System.out.printf("BENCH   %s, second by second: calls (over %d ms) | GC pauses ms (count) | folds ms "
                    + "(count) | H2 file writes ms (count) | forces ms | H2 chunks | CPU cores busy: process, "
                    + "machine, stolen%n", name, P99_GOAL_MILLIS);
            int second = 0;
            for (Second s : timeline) {
                System.out.printf("BENCH   %3d: %5d (%4d) | %4d (%d) | %4d (%d) | %4d (%3d) | %4d | %,6d | %.2f %.2f %.2f%n",
                        second, callsBySecond.get(second), slowBySecond.get(second), s.gcMillis(), s.gcs(),
                        s.foldMillis(), s.folds(), s.writeMillis(), s.writes(), s.forceMillis(), s.chunks(),
                        s.processCpu() / 1e9, s.machineCpu() / 1e9, s.stolenCpu() / 1e9);
                second++;
            }
        }

        void ended() {
            processCpu = processCpuNanos() - processCpuAtStart;
            machineCpu = machineCpuNanos() - machineCpuAtStart;
            clientCpu = clientThreadsCpu.sum();
            threadsCpu = new HashMap<>(cpuByThreadKind());
            threadsCpuAtStart.forEach((kind, cpu) -> threadsCpu.merge(kind, -cpu, Long::sum));
            deskCpu = cpuOf(kind -> kind.equals("judging-desk"));
            folderCpu = cpuOf(kind -> kind.equals("board-folder"));
            // Writing the H2 file: the desk's thread that waits for it, and H2's own writer threads.
            storeCpu = cpuOf(kind -> kind.equals("judging-desk-answers") || kind.startsWith("H#-")
                    || kind.startsWith("MVStore background"));
            meanBatch = (batches().totalAmount() - batchedAtStart) / Math.max(1, batches().count() - batchesAtStart);
            forces = writebacks().map(Timer::count).orElse(0L) - forcesAtStart;
            forcingMillis = writebacks().map(timer -> timer.totalTime(TimeUnit.MILLISECONDS)).orElse(0.0)
                    - forcingAtStart;
        }

        /** The phase's CPU of the kinds of thread named. */
        private long cpuOf(Predicate<String> kinds) {
            return threadsCpu.entrySet().stream().filter(e -> kinds.test(e.getKey())).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        void failed(Response response) {
            errors.add(response.status() + " " + response.path() + " " + response.body());
        }

        void print() {
            print(false);
        }

        void print(boolean timeline) {
            System.out.printf("BENCH %s, %d judges, %d s: %,.0f judgments/s; deal+judge p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms, %.1f%% over %d ms (the judging call inside the app: p50 %.1f ms, p99 %.1f "
                            + "ms); leaderboard reads p50 %.1f ms, p99 %.1f ms (%,d reads); %d times no pair left; %d "
                            + "errors%s%n", name,
                    JUDGES, seconds, dealAndJudge.count() / (double) seconds, dealAndJudge.percentile(50),
                    dealAndJudge.percentile(99), dealAndJudge.percentile(100),
                    dealAndJudge.percentOver(P99_GOAL_MILLIS), P99_GOAL_MILLIS, judgingInTheApp.percentile(50),
                    judgingInTheApp.percentile(99),
                    boards.percentile(50), boards.percentile(99), boards.count(), noPair.get(), errors.size(),
                    errors.isEmpty() ? "" : ", first: " + errors.peek());
            int judged = Math.max(1, dealAndJudge.count());
            System.out.printf("BENCH   %s: CPU %.2f of %d cores busy (the machine's: %.2f); per deal+judge %.2f ms "
                            + "of CPU in all, of which %.2f ms in the harness's client threads and %.2f ms in the judging desk's writer (%.0f%% "
                            + "busy, %.1f requests a commit), %.2f ms writing the database file, %.2f ms folding "
                            + "scores into the boards; database %,d MB; H2 file forced to disk %d times, %.1f ms each on "
                            + "average; written pages not yet on disk (the machine's) up to %,d MB%n", name,
                    processCpu / 1e9 / seconds, Runtime.getRuntime().availableProcessors(),
                    machineCpu / 1e9 / seconds, processCpu / 1e6 / judged,
                    clientCpu / 1e6 / judged, deskCpu / 1e6 / judged, 100 * deskCpu / 1e9 / seconds, meanBatch,
                    storeCpu / 1e6 / judged, folderCpu / 1e6 / judged, databaseBytes() >> 20, forces,
                    forcingMillis / Math.max(1, forces), mostUnwrittenKb.get() >> 10);
            // The judges' threads have ended: theirs is the harness's client CPU above.
            long inJavaThreads = threadsCpu.values().stream().mapToLong(Long::longValue).sum()
                    + clientThreadsCpu.sum();
            System.out.printf("BENCH   %s: CPU per deal+judge by thread: %s; outside Java threads (GC, JIT) %.2f ms%n",
                    name, threadsCpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(8).map(e -> String.format("%s %.2f ms", e.getKey(), e.getValue() / 1e6 / judged))
                            .collect(Collectors.joining(", ")), (processCpu - inJavaThreads) / 1e6 / judged);
            if (timeline) {
                printTimeline();
            }
        }
    }

    /** The H2 file's size, or the PostgreSQL database's. */
    private static long databaseBytes() {
        if (POSTGRES_URL == null) {
            try {
                return Files.size(Path.of(RUN_DB + ".mv.db"));
            } catch (IOException e) {
                return -1;
            }
        }
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, DATABASE_USER, "");
                ResultSet size = connection.createStatement()
                        .executeQuery("select pg_database_size(current_database())")) {
            return size.next() ? size.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The H2 file's forces to disk ({@code operations.H2Writeback}); none on PostgreSQL. */
    private static Optional<Timer> writebacks() {
        return Optional.ofNullable(meters.find("verdict.h2.writeback").timer());
    }

    private static DistributionSummary batches() {
        return meters.summary("verdict.judging.desk.batch");
    }

    /**
     * What the machine has done so far, for the timeline: a snapshot of counters, or (from {@link #since}) what they
     * counted in one second. Chunks is a count at the time, never a difference.
     */
    private record Second(long gcMillis, long gcs, long foldMillis, long folds, long writeMillis, long writes,
            long forceMillis, long processCpu, long machineCpu, long stolenCpu, long chunks) {

        static Second now() {
            long gcMillis = 0;
            long gcs = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMillis += collector.getCollectionTime();
                gcs += collector.getCollectionCount();
            }
            Timer folds = meters.find("verdict.leaderboard.fold").timer();
            Timer writes = meters.find("verdict.judging.desk.store").timer();
            Optional<Timer> forces = writebacks();
            return new Second(gcMillis, gcs, millis(folds), folds == null ? 0 : folds.count(), millis(writes),
                    writes == null ? 0 : writes.count(), forces.map(LoadBenchmark::millis).orElse(0L),
                    processCpuNanos(), machineCpuNanos(), stolenCpuNanos(), h2Chunks());
        }

        Second since(Second before) {
            return new Second(gcMillis - before.gcMillis, gcs - before.gcs, foldMillis - before.foldMillis,
                    folds - before.folds, writeMillis - before.writeMillis, writes - before.writes,
                    forceMillis - before.forceMillis, processCpu - before.processCpu, machineCpu - before.machineCpu,
                    stolenCpu - before.stolenCpu, chunks);
        }
    }

    private static long millis(Timer timer) {
        return timer == null ? 0 : (long) timer.totalTime(TimeUnit.MILLISECONDS);
    }

    /** H2's chunks in the file, live or kept for the retention time; -1 on PostgreSQL. */
    private static long h2Chunks() {
        if (h2 == null) {
            return -1;
        }
        try {
            Field chunks = FileStore.class.getDeclaredField("chunks");
            chunks.setAccessible(true);
            return ((Map<?, ?>) chunks.get(h2.getFileStore())).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** Time the hypervisor gave the machine's cores to others (Linux's steal); -1 elsewhere. */
    private static long stolenCpuNanos() {
        return allCoresNanos(8);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Busy time of all cores since boot (Linux's /proc/stat: user, nice, system, irq, softirq, steal); -1 elsewhere. */
    private static long machineCpuNanos() {
        return allCoresNanos(1, 2, 3, 6, 7, 8);
    }

    /** The sum of the given fields of /proc/stat's line for all cores, as time since boot; -1 elsewhere. */
    private static long allCoresNanos(int... fields) {
        try {
            String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int field : fields) {
                ticks += Long.parseLong(total[field]);
            }
            // The kernel counts in USER_HZ, 100 a second on Linux.
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU of the live threads by kind: their names without numbers (all of Tomcat's workers together). */
    private static Map<String, Long> cpuByThreadKind() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(thread.getId());
            if (cpu > 0) {
                byKind.merge(thread.getName().replaceAll("\\d+", "#"), cpu, Long::sum);
            }
        }
        return byKind;
    }

    /** Latencies in nanoseconds, from many threads. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized int count() {
            return size;
        }

        /** The share of the samples above {@code millis}, in percent: under 1 is a p99 within it. */
        synchronized double percentOver(long millis) {
            long over = Arrays.stream(values, 0, size).filter(nanos -> nanos > millis * 1_000_000).count();
            return size == 0 ? Double.NaN : 100.0 * over / size;
        }

        /** The percentile in milliseconds. */
        synchronized double percentile(int percent) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) ((long) size * percent / 100))] / 1e6;
        }
    }

    /** Interactions for the judges to play, three responses each, in the import format. */
    private static String freshInteractions() {
        StringBuilder lines = new StringBuilder();
        String[] categories = {"open_qa", "general_qa", "classification", "closed_qa", "brainstorming",
                "information_extraction", "summarization", "creative_writing"};
        for (int i = 0; i < FRESH_INTERACTIONS; i++) {
            lines.append("{\"id\": \"fresh-").append(i).append("\", \"instruction\": \"Fresh question ").append(i)
                    .append("?\", \"category\": \"").append(categories[i % categories.length])
                    .append("\", \"responses\": [");
            for (int r = 0; r < 3; r++) {
                lines.append(r == 0 ? "" : ", ").append("{\"text\": \"Answer ").append(r).append(" to fresh question ")
                        .append(i).append(", long enough to read like an answer.\", \"source\": \"model-")
                        .append((char) ('a' + r)).append("\"}");
            }
            lines.append("]}\n");
        }
        return lines.toString();
    }

    private String send(String credentials, String method, String path, String body, int expected)
            throws IOException {
        Response response = request(credentials, method, path, body);
        if (response.status() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.body();
    }

    private Response request(String credentials, String method, String path, String body) throws IOException {
        ClassicHttpRequest request = new BasicClassicHttpRequest(method, "http://localhost:" + port + path);
        request.setHeader("Authorization", credentials);
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.create(path.startsWith("/api/interactions")
                    ? "application/x-ndjson" : "application/json", StandardCharsets.UTF_8)));
        }
        return http.execute(request, response -> new Response(response.getCode(), path,
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    /** Streams a download; returns its lines and bytes. */
    private long[] download(String credentials, String path) throws IOException {
        ClassicHttpRequest request = new BasicClassicHttpRequest("GET", "http://localhost:" + port + path);
        request.setHeader("Authorization", credentials);
        return http.execute(request, response -> {
            if (response.getCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.getCode());
            }
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.getEntity().getContent()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            return new long[] {lines, bytes};
        });
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void pauseUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
