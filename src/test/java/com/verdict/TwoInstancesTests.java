package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances, each its own JVM as behind a load balancer, on one database: what one records, the
 * other serves, because every state that matters lives in the database.
 */
class TwoInstancesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aJudgmentThroughOneInstanceIsOnTheOthersLeaderboard() throws Exception {
        // AUTO_SERVER lets the second process reach the file database the first one opened.
        String db = "jdbc:h2:file:" + dir.resolve("verdict") + ";AUTO_SERVER=TRUE";
        int firstPort = freePort();
        Process first = AppProcess.start(db, firstPort, dir.resolve("first.log"));
        try {
            AppProcess.awaitHealthy(first, firstPort);
            int secondPort = freePort();
            Process second = AppProcess.start(db, secondPort, dir.resolve("second.log"));
            try {
                AppProcess.awaitHealthy(second, secondPort);

                JsonNode deal = call(firstPort, "POST", "/api/assignments/next", null);
                long assignment = deal.get("assignment").asLong();
                JsonNode judged = call(firstPort, "POST", "/api/assignments/" + assignment + "/judgment",
                        "{\"verdict\": \"LEFT\"}");
                assertThat(judged.get("points").asInt()).isEqualTo(1);

                List<JsonNode> board = List.of(JSON.treeToValue(call(secondPort, "GET", "/api/leaderboard?period=day",
                        null), JsonNode[].class));
                assertThat(board).anySatisfy(row -> {
                    assertThat(row.get("username").asText()).isEqualTo("alice");
                    assertThat(row.get("judgments").asInt()).isEqualTo(1);
                });
                JsonNode again = call(secondPort, "POST", "/api/assignments/" + assignment + "/judgment",
                        "{\"verdict\": \"RIGHT\"}");
                assertThat(again).as("a repeated submit through the other instance").isEqualTo(judged);
            } finally {
                AppProcess.stop(second);
            }
        } finally {
            AppProcess.stop(first);
        }
    }

    private static JsonNode call(int port, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "alice:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Verdict as a separate Java process on the test classpath, with demo data and reading time 0s. */
    static final class AppProcess {

        static Process start(String db, int port, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    VerdictApplication.class.getName(), "--spring.datasource.url=" + db, "--server.port=" + port,
                    "--verdict.demo.enabled=true", "--verdict.judging.min-reading-time=0s",
                    "--spring.main.banner-mode=off")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        /** Waits until the instance on {@code port} answers its health check. */
        static void awaitHealthy(Process process, int port) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as("the instance is running").isTrue();
                try {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The instance did not start within 3 minutes");
        }

        static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
