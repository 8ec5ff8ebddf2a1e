package com.verdict;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.base.ApiException;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** The REST API end to end: import, deal, judge, leaderboard, export, admin. */
@VerdictTest
class RestApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    PeopleService people;

    Person engineer;
    Person judge;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        engineer = data.user("engineer", "Research", Role.ENGINEER);
        judge = data.user("judge", "Platform");
    }

    @Test
    void importsValidJsonl() throws Exception {
        String body = TestData.interactionLine("api-1", 2) + "\n" + TestData.interactionLine("api-2", 3) + "\n";
        mvc.perform(post("/api/interactions").with(basic(engineer)).contentType("application/x-ndjson").content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(0));
    }

    @Test
    void rejectsInvalidJsonlWholeWithLineAndField() throws Exception {
        String body = TestData.interactionLine("ok-1", 2) + "\n{\"id\": \"bad\", \"instruction\": \"Q\", "
                + "\"category\": \"poetry\", \"responses\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}\n";
        mvc.perform(post("/api/interactions").with(basic(engineer)).contentType("application/x-ndjson").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.totalErrors").value(1));
        mvc.perform(post("/api/assignments/next").with(basic(judge))).andExpect(status().isNoContent());
    }

    @Test
    void dealsBlindJudgesAndRevealsSourcesAfterwards() throws Exception {
        data.interactions("play", 1);
        JsonNode deal = body(mvc.perform(post("/api/assignments/next").with(basic(judge)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.interaction.id").value("play-0"))
                .andExpect(jsonPath("$.interaction.category").value("open_qa"))
                .andExpect(jsonPath("$.left.source").doesNotExist())
                .andExpect(jsonPath("$.right.source").doesNotExist())
                // Its place in the import would name the source as well: the imported order is a model order.
                .andExpect(jsonPath("$.left.response").doesNotExist())
                .andExpect(jsonPath("$.right.response").doesNotExist())
                .andReturn());
        long assignment = deal.get("assignment").asLong();
        String leftText = deal.get("left").get("text").asText();
        assertThat(leftText).matches("Answer [01] to play-0");
        String leftResponse = leftText.substring("Answer ".length(), "Answer ".length() + 1);

        mvc.perform(post("/api/assignments/{id}/judgment", assignment).with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"LEFT\", \"reason\": \"clear\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(1))
                .andExpect(jsonPath("$.totalPoints").value(1))
                .andExpect(jsonPath("$.sources.left").value("model-" + leftResponse));
        mvc.perform(post("/api/assignments/next").with(basic(judge))).andExpect(status().isNoContent());
    }

    @Test
    void judgingWithNextDealsTheNextPairBlindInTheSameCall() throws Exception {
        data.interactions("trip", 2);
        long first = body(mvc.perform(post("/api/assignments/next").with(basic(judge))).andReturn())
                .get("assignment").asLong();

        JsonNode judged = body(mvc.perform(judgeWithNext(first, "LEFT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalPoints").value(1))
                .andExpect(jsonPath("$.sources.left").exists())
                .andExpect(jsonPath("$.next.interaction.id").value(startsWith("trip-")))
                .andExpect(jsonPath("$.next.left.text").exists())
                .andExpect(jsonPath("$.next.left.source").doesNotExist())
                .andExpect(jsonPath("$.next.right.source").doesNotExist())
                .andReturn());
        long second = judged.get("next").get("assignment").asLong();
        assertThat(second).isNotEqualTo(first);

        // A retry changes nothing: the first result, and the pair it dealt, still open. Another verdict is refused.
        mvc.perform(judgeWithNext(first, "LEFT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalPoints").value(1))
                .andExpect(jsonPath("$.next.assignment").value(second));
        mvc.perform(judgeWithNext(first, "RIGHT"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("Assignment " + first
                        + " is judged LEFT already: that verdict stands, and RIGHT was not recorded"));
        mvc.perform(post("/api/assignments/next").with(basic(judge)))
                .andExpect(jsonPath("$.assignment").value(second));

        // The last pair: judged, and nothing left to deal.
        mvc.perform(judgeWithNext(second, "TIE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalPoints").value(2))
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(post("/api/assignments/{id}/judgment", second).with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"TIE\"}"))
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(post("/api/assignments/{id}/judgment", second).param("next", "soon").with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"TIE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value(startsWith("next: ")));
    }

    @Test
    void theJudgmentThatReachesTheDailyCapIsRecordedAndNothingIsDealtAfterIt() throws Exception {
        data.judgedNow(judge, 499);
        data.interactions("capped", 2);
        long last = body(mvc.perform(post("/api/assignments/next").with(basic(judge))).andReturn())
                .get("assignment").asLong();

        mvc.perform(judgeWithNext(last, "LEFT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources.left").exists())
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(post("/api/assignments/next").with(basic(judge))).andExpect(status().isTooManyRequests());
    }

    private RequestBuilder judgeWithNext(long assignment, String verdict) {
        return post("/api/assignments/{id}/judgment", assignment).param("next", "true").with(basic(judge))
                .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"" + verdict + "\"}");
    }

    @Test
    void refusesUnknownVerdictsAndOthersAssignments() throws Exception {
        data.interactions("bad", 1);
        long assignment = body(mvc.perform(post("/api/assignments/next").with(basic(judge))).andReturn())
                .get("assignment").asLong();
        mvc.perform(post("/api/assignments/{id}/judgment", assignment).with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value(containsString("MAYBE")));
        mvc.perform(post("/api/assignments/{id}/judgment", assignment).with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Malformed request body"));
        Person other = data.user("judge");
        mvc.perform(post("/api/assignments/{id}/judgment", assignment).with(basic(other))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"LEFT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/assignments/{id}/judgment", 987654321L).with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"LEFT\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aJudgeAtTheDailyCapGets429SayingWhenDealingResumes() throws Exception {
        data.judgedNow(judge, 500);
        data.interactions("more", 1);
        String midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();

        mvc.perform(post("/api/assignments/next").with(basic(judge)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.error").value(
                        "You have reached today's cap of 500 judgments; new pairs are dealt again from " + midnight))
                .andExpect(jsonPath("$.details").value(contains("dailyCap: 500", "resetsAt: " + midnight)));
        mvc.perform(post("/api/assignments/next").with(basic(engineer))).andExpect(status().isOk());
    }

    @Test
    void leaderboardShowsTheCallersOwnRowOnceSomebodyHasPoints() throws Exception {
        mvc.perform(get("/api/leaderboard").with(basic(judge)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
        Person scorer = data.user("scorer", "Research");
        data.interactions("board", 1);
        JsonNode deal = body(mvc.perform(post("/api/assignments/next").with(basic(scorer))).andReturn());
        mvc.perform(post("/api/assignments/{id}/judgment", deal.get("assignment").asLong()).with(basic(scorer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"LEFT\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/leaderboard").with(basic(judge)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", contains(scorer.username(), judge.username())))
                .andExpect(jsonPath("$[-1].team").value("Platform"))
                .andExpect(jsonPath("$[-1].points").value(0))
                .andExpect(jsonPath("$[-1].rank").value(2));
    }

    @Test
    void dollyExportHasExactlyTheFourKeysInOrderForDecidedInteractions() throws Exception {
        data.interactions("dolly", 2);
        // Three judges agree that the first response of dolly-0 is better: it settles; dolly-1 stays open.
        for (Person voter : List.of(judge, data.user("judge"), data.user("judge"))) {
            JsonNode deal = body(mvc.perform(post("/api/assignments/next").with(basic(voter))).andReturn());
            while (!deal.get("interaction").get("id").asText().equals("dolly-0")) {
                mvc.perform(post("/api/assignments/{id}/skip", deal.get("assignment").asLong()).with(basic(voter)));
                deal = body(mvc.perform(post("/api/assignments/next").with(basic(voter))).andReturn());
            }
            String verdict = deal.get("left").get("text").asText().equals("Answer 0 to dolly-0") ? "LEFT" : "RIGHT";
            mvc.perform(post("/api/assignments/{id}/judgment", deal.get("assignment").asLong()).with(basic(voter))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\": \"" + verdict + "\"}"))
                    .andExpect(status().isOk());
        }

        String jsonl = TestData.streamed(mvc, get("/api/export/dolly.jsonl").with(basic(engineer)))
                .andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(jsonl).endsWith("\n");
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode record = json.readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        record.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("instruction", "context", "response", "category");
        assertThat(record.get("context").asText()).isEmpty();
        assertThat(record.get("category").asText()).isEqualTo("open_qa");
        assertThat(record.get("response").asText()).isEqualTo("Answer 0 to dolly-0");
    }

    @Test
    void adminCreatesUsersAndDuplicatesConflict() throws Exception {
        Person admin = data.user("admin", null, Role.ADMIN);
        String user = "{\"username\": \"newbie-%s\", \"displayName\": \"New Bie\", \"team\": \"Platform\", "
                + "\"roles\": [\"JUDGE\", \"LEAD\"], \"password\": \"pw-1234\"}";
        String body = user.formatted(System.nanoTime());
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.team").value("Platform"))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(startsWith("Username already taken")));
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"has space\", \"displayName\": \"\", \"roles\": [], \"password\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details", hasItem(startsWith("username:"))))
                .andExpect(jsonPath("$.details", hasItem(startsWith("roles:"))));
        // 30 characters, 90 bytes: more than BCrypt can hash, found by the fuzzing tests (it was a 500).
        String longInBytes = "密码".repeat(15);
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(user.formatted(System.nanoTime()).replace("pw-1234", longInBytes)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details", hasItem(startsWith("password: must be 4 to 72 characters"))));
        assertThatThrownBy(() -> people.changePassword(admin.id(), longInBytes)).isInstanceOf(ApiException.class)
                .hasMessage("Invalid password");
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"x\", \"roles\": [\"KING\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
