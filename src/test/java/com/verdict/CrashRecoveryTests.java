package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judges play at full speed, the server is killed with SIGKILL, and after a restart every judgment it
 * acknowledged is there, with its points awarded exactly once. Half the judges deal and judge in two calls, half
 * judge with {@code ?next=true}, whose answer also carries the pair dealt next: that pair is there too.
 */
class CrashRecoveryTests {

    private static final List<String> JUDGES = List.of("alice", "bob", "carol", "dave", "erin", "frank");
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedJudgmentSurvivesAKill() throws Exception {
        // As shipped, but H2's background writer writes only once a minute: what survives was written because Verdict
        // waited for it before acknowledging.
        String db = "jdbc:h2:file:" + dir.resolve("verdict") + ";WRITE_DELAY=60000;AUTO_COMPACT_FILL_RATE=0";
        AppProcess app = AppProcess.start(db, dir.resolve("app.log"));
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> dealtWithJudgments = ConcurrentHashMap.newKeySet();
        Set<String> stops = ConcurrentHashMap.newKeySet();
        ExecutorService judges = Executors.newFixedThreadPool(JUDGES.size());
        for (int j = 0; j < JUDGES.size(); j++) {
            String judge = JUDGES.get(j);
            boolean oneTrip = j % 2 == 1;
            judges.submit(() -> play(app, judge, oneTrip, acknowledged, dealtWithJudgments, stops));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        app.kill();
        judges.shutdownNow();
        judges.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(acknowledged).as("judgments acknowledged before the kill; judges stopped by %s", stops)
                .hasSizeGreaterThanOrEqualTo(
                ACKNOWLEDGED_BEFORE_KILL);

        AppProcess.start(db, dir.resolve("app.log")).stop();

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("verdict"), "sa", "")) {
            List<Long> stored = longs(connection, "select assignment_id from judgment");
            assertThat(stored).containsAll(acknowledged);
            assertThat(dealtWithJudgments).as("pairs dealt with a judgment's answer").isNotEmpty();
            assertThat(longs(connection, "select id from assignment")).containsAll(dealtWithJudgments);
            assertThat(longs(connection, "select judgment_id from points_entry where judgment_id is not null "
                    + "group by judgment_id, kind having count(*) > 1")).as("points awarded twice").isEmpty();
            assertThat(longs(connection, "select s.judge_id from judge_score s where s.points <> "
                    + "(select coalesce(sum(amount), 0) from points_entry e where e.judge_id = s.judge_id)"))
                    .as("judges whose totals differ from their ledger").isEmpty();
            assertThat(longs(connection, "select b.judge_id from board_score b where b.period_key = 'all' and "
                    + "b.judgments <> (select count(*) from judgment j where j.judge_id = b.judge_id)"))
                    .as("boards that lost or doubled judgments").isEmpty();
            assertThat(longs(connection, "select id from board_pending"))
                    .as("scores the restarted server left waiting for the boards").isEmpty();
        }
    }

    @Test
    void aCleanShutdownFoldsWhatWaitsForTheBoardsBeforeTheDatabaseCloses() throws Exception {
        // As shipped, but folding once a minute: what the judges score waits for the shutdown's last fold.
        Path file = dir.resolve("clean");
        String db = "jdbc:h2:file:" + file + ";AUTO_COMPACT_FILL_RATE=0";
        AppProcess app = AppProcess.start(db, dir.resolve("clean.log"), "--verdict.leaderboard.fold-interval=1m");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> stops = ConcurrentHashMap.newKeySet();
        ExecutorService judges = Executors.newFixedThreadPool(2);
        for (String judge : List.of("alice", "bob")) {
            judges.submit(() -> play(app, judge, true, acknowledged, ConcurrentHashMap.newKeySet(), stops));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        judges.shutdownNow();
        judges.awaitTermination(30, TimeUnit.SECONDS);

        app.stop();

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            assertThat(longs(connection, "select id from board_pending"))
                    .as("scores left waiting: the database closed before the app's last fold").isEmpty();
            assertThat(longs(connection, "select judgments from board_score where period_key = 'all'").stream()
                    .mapToLong(Long::longValue).sum()).isEqualTo(longs(connection, "select id from judgment").size());
        }
    }

    /**
     * Deals and judges as fast as the server answers, until it dies or nothing is left; in one trip, each judgment
     * asks for the next pair too.
     */
    private static void play(AppProcess app, String judge, boolean oneTrip, Set<Long> acknowledged,
            Set<Long> dealtWithJudgments, Set<String> stops) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((judge + ":demo").getBytes(StandardCharsets.UTF_8));
        try {
            Long assignment = null;
            while (!Thread.currentThread().isInterrupted()) {
                if (assignment == null) {
                    HttpResponse<String> deal = http.send(post(app, auth, "/api/assignments/next", null),
                            HttpResponse.BodyHandlers.ofString());
                    if (deal.statusCode() != 200) {
                        stops.add(judge + ": " + deal.statusCode() + " " + deal.body());
                        return;
                    }
                    Matcher matcher = ASSIGNMENT.matcher(deal.body());
                    matcher.find();
                    assignment = Long.parseLong(matcher.group(1));
                }
                String judgment = "/api/assignments/" + assignment + "/judgment" + (oneTrip ? "?next=true" : "");
                HttpResponse<String> judged = http.send(post(app, auth, judgment, "{\"verdict\": \"LEFT\"}"),
                        HttpResponse.BodyHandlers.ofString());
                if (judged.statusCode() == 200) {
                    acknowledged.add(assignment);
                }
                assignment = null;
                Matcher next = ASSIGNMENT.matcher(judged.body());
                if (oneTrip && judged.statusCode() == 200 && next.find()) {
                    assignment = Long.parseLong(next.group(1));
                    dealtWithJudgments.add(assignment);
                }
            }
        } catch (Exception serverGone) {
            // The kill: whatever was not acknowledged may be lost.
            stops.add(judge + ": " + serverGone);
        }
    }

    private static HttpRequest post(AppProcess app, String auth, String path, String body) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<Long> longs(Connection connection, String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
