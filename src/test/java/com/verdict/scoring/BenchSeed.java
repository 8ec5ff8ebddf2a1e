package com.verdict.scoring;

import com.verdict.judging.Outcome;
import com.verdict.judging.Verdict;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The database the benchmarks run on, sized like a company-wide contest: 5,000 judges in 50 teams (80% honest,
 * 10% random clickers, 10% left clickers), 100,000 interactions of 3 responses (300,000 pairs) and 1,000,000
 * judgments with their votes, none scored yet. Seeded once into a pristine H2 file kept under the temp
 * directory (named after the migrations, so a changed schema seeds anew); each run starts from a copy of it.
 */
public final class BenchSeed {

    public static final int JUDGES = 5_000;
    public static final int TEAMS = 50;
    public static final int INTERACTIONS = 100_000;
    public static final int JUDGMENTS = 1_000_000;
    /** Every seeded judge's password; judges are named {@code judge0} to {@code judge4999}. */
    public static final String PASSWORD = "bench-judge-password";
    static final int CANDIDATES = 3;
    static final long BASE_ID = 10_000_000;
    private static final String[] SOURCES = {"model-a", "model-b", "model-c", "model-d", "model-e", "reference"};
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "verdict-bench-seed");

    private BenchSeed() {
    }

    /**
     * Copies the pristine database to {@code database} (an H2 file path without {@code .mv.db}), seeding it
     * first if there is none for the current migrations.
     */
    public static void copyTo(Path database) throws Exception {
        Files.createDirectories(DIRECTORY);
        Path seed = DIRECTORY.resolve("seed-" + migrationsHash() + ".mv.db");
        if (!Files.exists(seed)) {
            String url = "jdbc:h2:file:" + seed.toString().replace(".mv.db", "");
            migrateAndSeed(url, "sa", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("shutdown compact");
                }
            });
        }
        Files.createDirectories(database.toAbsolutePath().getParent());
        Files.copy(seed, Path.of(database + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Seeds an empty database on a server, e.g. a throwaway PostgreSQL cluster ({@code scripts/bench-postgres.sh}):
     * nothing to copy there, so every run seeds anew.
     */
    public static void seedEmpty(String url, String user) throws SQLException {
        migrateAndSeed(url, user, connection -> {
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics for the planner, as a database that grew to this size would have.
                statement.execute("analyze");
            }
        });
    }

    private interface Finish {
        void accept(Connection connection) throws SQLException;
    }

    private static void migrateAndSeed(String url, String user, Finish finish) throws SQLException {
        long started = System.nanoTime();
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            seed(connection, new BCryptPasswordEncoder().encode(PASSWORD));
            connection.setAutoCommit(true);
            finish.accept(connection);
        }
        System.out.printf("BENCH seeded %,d judgments in %.1f s%n", JUDGMENTS, (System.nanoTime() - started) / 1e9);
    }

    /** Writes the seed: teams, judges (all with the password {@value #PASSWORD}), interactions with candidates and pairs, and the judgments with votes. */
    private static void seed(Connection connection, String passwordHash) throws SQLException {
        connection.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement team = connection.prepareStatement("insert into team (id, name) values (?, ?)");
                PreparedStatement user = connection.prepareStatement("insert into app_user (id, username, "
                        + "display_name, team_id, password_hash, enabled, created_at) values (?, ?, ?, ?, ?, true, ?)");
                PreparedStatement role = connection.prepareStatement(
                        "insert into user_role (user_id, role) values (?, 'JUDGE')")) {
            for (int t = 0; t < TEAMS; t++) {
                team.setLong(1, BASE_ID + t);
                team.setString(2, "Team " + t);
                team.addBatch();
            }
            team.executeBatch();
            for (int j = 0; j < JUDGES; j++) {
                user.setLong(1, BASE_ID + j);
                user.setString(2, "judge" + j);
                user.setString(3, "Judge " + j);
                user.setLong(4, BASE_ID + j % TEAMS);
                user.setString(5, passwordHash);
                user.setTimestamp(6, now);
                user.addBatch();
                role.setLong(1, BASE_ID + j);
                role.addBatch();
            }
            user.executeBatch();
            role.executeBatch();
        }
        connection.commit();
        SplittableRandom random = new SplittableRandom(2024);
        int pairsPerInteraction = CANDIDATES * (CANDIDATES - 1) / 2;
        int pairs = INTERACTIONS * pairsPerInteraction;
        try (PreparedStatement interaction = connection.prepareStatement("insert into interaction (id, external_id, "
                + "instruction, context, category, retired, created_at) values (?, ?, ?, '', ?, false, ?)");
                PreparedStatement candidate = connection.prepareStatement("insert into candidate (id, interaction_id, "
                        + "position, text, source) values (?, ?, ?, ?, ?)");
                PreparedStatement pair = connection.prepareStatement("insert into pair (id, interaction_id, "
                        + "candidate_a, candidate_b) values (?, ?, ?, ?)");
                PreparedStatement pool = connection.prepareStatement("insert into pair_pool (pair_id, reserved, slots, "
                        + "created_at, interaction_id) values (?, ?, ?, ?, ?)");
                PreparedStatement assignment = connection.prepareStatement("insert into assignment (id, judge_id, "
                        + "pair_id, left_candidate, state, dealt_at, closed_at, interaction_id) "
                        + "values (?, ?, ?, ?, 'JUDGED', ?, ?, ?)");
                PreparedStatement judgment = connection.prepareStatement("insert into judgment (id, assignment_id, "
                        + "judge_id, pair_id, verdict, outcome, time_on_task_ms, too_fast, points, total_points, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?)");
                PreparedStatement vote = connection.prepareStatement("insert into vote (judgment_id, judge_id, "
                        + "pair_id, outcome, a_shown_left, too_fast, time_on_task_ms, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement tally = connection.prepareStatement("insert into pair_tally (pair_id, "
                        + "interaction_id, candidate_a, candidate_b, a_votes, b_votes, ties, both_bad, category, "
                        + "source_a, source_b, judgments, state) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, 'open_qa', ?, ?, ?, 'OPEN')");
                PreparedStatement decision = connection.prepareStatement("insert into interaction_decision "
                        + "(interaction_id, best_candidate, confidence, updated_at, state, pairs, judgments) "
                        + "values (?, null, 0, ?, 'OPEN', ?, ?)");
                PreparedStatement score = connection.prepareStatement("insert into judge_score (judge_id, points, "
                        + "judgments, updated_at, streak) values (?, ?, ?, ?, 0)")) {
            long judgmentId = BASE_ID;
            int[] judgedBy = new int[JUDGES];
            int written = 0;
            for (int i = 0; i < INTERACTIONS; i++) {
                long interactionId = BASE_ID + i;
                interaction.setLong(1, interactionId);
                interaction.setString(2, "bench-" + i);
                interaction.setString(3, "Question " + i + "?");
                interaction.setString(4, "open_qa");
                interaction.setTimestamp(5, now);
                interaction.addBatch();
                String[] sources = new String[CANDIDATES];
                double[] quality = new double[CANDIDATES];
                for (int c = 0; c < CANDIDATES; c++) {
                    sources[c] = SOURCES[random.nextInt(SOURCES.length)];
                    quality[c] = Arrays.asList(SOURCES).indexOf(sources[c]) + random.nextGaussian() * 2;
                    candidate.setLong(1, BASE_ID * 3 + i * CANDIDATES + c);
                    candidate.setLong(2, interactionId);
                    candidate.setInt(3, c);
                    candidate.setString(4, "Answer " + c + " to question " + i);
                    candidate.setString(5, sources[c]);
                    candidate.addBatch();
                }
                int interactionJudgments = 0;
                // As the game deals: a judge judges at most one pair of an interaction.
                int[] interactionJudges = new int[pairsPerInteraction * 8];
                int judgesOfInteraction = 0;
                int k = 0;
                for (int a = 0; a < CANDIDATES; a++) {
                    for (int b = a + 1; b < CANDIDATES; b++, k++) {
                        long pairId = BASE_ID * 6 + (long) i * pairsPerInteraction + k;
                        long candidateA = BASE_ID * 3 + i * CANDIDATES + a;
                        long candidateB = BASE_ID * 3 + i * CANDIDATES + b;
                        pair.setLong(1, pairId);
                        pair.setLong(2, interactionId);
                        pair.setLong(3, candidateA);
                        pair.setLong(4, candidateB);
                        pair.addBatch();
                        double gap = quality[a] - quality[b];
                        int truth = Math.abs(gap) < 0.3 ? (random.nextBoolean() ? Outcomes.TIE : Outcomes.BOTH_BAD)
                                : gap > 0 ? Outcomes.A : Outcomes.B;
                        long pairIndex = (long) i * pairsPerInteraction + k;
                        // 3 or 4 judgments a pair, a million in all.
                        int count = (int) ((long) JUDGMENTS * (pairIndex + 1) / pairs
                                - (long) JUDGMENTS * pairIndex / pairs);
                        int[] votes = new int[4];
                        for (int n = 0; n < count; n++) {
                            int judge;
                            do {
                                judge = random.nextInt(JUDGES);
                            } while (contains(interactionJudges, judgesOfInteraction, judge));
                            interactionJudges[judgesOfInteraction++] = judge;
                            boolean aLeft = random.nextBoolean();
                            int said = say(judge, truth, aLeft, random);
                            int outcome = Outcomes.flip(said, aLeft);
                            votes[outcome]++;
                            judgedBy[judge]++;
                            long time = 1000 + random.nextInt(60_000);
                            long id = judgmentId++;
                            assignment.setLong(1, id);
                            assignment.setLong(2, BASE_ID + judge);
                            assignment.setLong(3, pairId);
                            assignment.setLong(4, aLeft ? candidateA : candidateB);
                            assignment.setTimestamp(5, now);
                            assignment.setTimestamp(6, now);
                            assignment.setLong(7, interactionId);
                            assignment.addBatch();
                            judgment.setLong(1, id);
                            judgment.setLong(2, id);
                            judgment.setLong(3, BASE_ID + judge);
                            judgment.setLong(4, pairId);
                            judgment.setString(5, Verdict.values()[said].name());
                            judgment.setString(6, Outcome.values()[outcome].name());
                            judgment.setLong(7, time);
                            judgment.setBoolean(8, time < 3000);
                            judgment.setTimestamp(9, now);
                            judgment.addBatch();
                            vote.setLong(1, id);
                            vote.setLong(2, BASE_ID + judge);
                            vote.setLong(3, pairId);
                            vote.setInt(4, outcome);
                            vote.setBoolean(5, aLeft);
                            vote.setBoolean(6, time < 3000);
                            vote.setLong(7, time);
                            vote.setTimestamp(8, now);
                            vote.addBatch();
                            written++;
                        }
                        interactionJudgments += count;
                        pool.setLong(1, pairId);
                        pool.setInt(2, count);
                        pool.setInt(3, count);
                        pool.setTimestamp(4, now);
                        pool.setLong(5, interactionId);
                        pool.addBatch();
                        tally.setLong(1, pairId);
                        tally.setLong(2, interactionId);
                        tally.setLong(3, candidateA);
                        tally.setLong(4, candidateB);
                        for (int t = 0; t < 4; t++) {
                            tally.setInt(5 + t, votes[t]);
                        }
                        tally.setString(9, sources[a]);
                        tally.setString(10, sources[b]);
                        tally.setInt(11, count);
                        tally.addBatch();
                    }
                }
                decision.setLong(1, interactionId);
                decision.setTimestamp(2, now);
                decision.setInt(3, pairsPerInteraction);
                decision.setInt(4, interactionJudgments);
                decision.addBatch();
                if ((i + 1) % 5_000 == 0) {
                    for (PreparedStatement batch : new PreparedStatement[] {interaction, candidate, pair, pool,
                            assignment, judgment, vote, tally, decision}) {
                        batch.executeBatch();
                    }
                    connection.commit();
                }
            }
            for (int j = 0; j < JUDGES; j++) {
                score.setLong(1, BASE_ID + j);
                score.setLong(2, judgedBy[j]);
                score.setLong(3, judgedBy[j]);
                score.setTimestamp(4, now);
                score.addBatch();
            }
            score.executeBatch();
            connection.commit();
            System.out.printf("BENCH seeded %,d judgments on %,d pairs%n", written, pairs);
        }
    }

    /** Judge j: every tenth clicks at random, the next always presses left, the rest are honest, 60% to 95%. */
    static int say(int judge, int truth, boolean aLeft, SplittableRandom random) {
        if (judge % 10 == 0) {
            return random.nextInt(4);
        }
        if (judge % 10 == 1) {
            return Outcomes.LEFT;
        }
        double accuracy = 0.6 + 0.35 * ((judge * 7919L) % 1000) / 1000.0;
        int shown = Outcomes.flip(truth, aLeft);
        if (random.nextDouble() < accuracy) {
            return shown;
        }
        int other = random.nextInt(3);
        return other >= shown ? other + 1 : other;
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** A hash of every migration, so that a seed made before a migration changed is not reused. */
    private static String migrationsHash() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Path migrations = Path.of(BenchSeed.class.getResource("/db/migration").toURI());
        try (var files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
