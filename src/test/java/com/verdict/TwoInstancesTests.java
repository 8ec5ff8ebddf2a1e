package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
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
        // No gold pairs: a wrong verdict on one costs the point this test expects (it failed so, now and then).
        String noGold = "--verdict.judging.gold-rate=0";
        AppProcess first = AppProcess.start(db, dir.resolve("first.log"), noGold);
        try {
            AppProcess second = AppProcess.start(db, dir.resolve("second.log"), noGold);
            try {
                int firstPort = first.port();
                int secondPort = second.port();

                JsonNode deal = call(firstPort, "POST", "/api/assignments/next", null);
                long assignment = deal.get("assignment").asLong();
                JsonNode judged = call(firstPort, "POST", "/api/assignments/" + assignment + "/judgment",
                        "{\"verdict\": \"LEFT\"}");
                assertThat(judged.get("points").asInt()).isEqualTo(1);

                // Boards fold pending scores every two seconds, whichever instance does it.
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    List<JsonNode> board = List.of(JSON.treeToValue(call(secondPort, "GET",
                            "/api/leaderboard?period=day", null), JsonNode[].class));
                    assertThat(board).anySatisfy(row -> {
                        assertThat(row.get("username").asText()).isEqualTo("alice");
                        assertThat(row.get("judgments").asInt()).isEqualTo(1);
                    });
                });
                JsonNode again = call(secondPort, "POST", "/api/assignments/" + assignment + "/judgment",
                        "{\"verdict\": \"LEFT\"}");
                assertThat(again).as("a repeated submit through the other instance").isEqualTo(judged);
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
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
}
