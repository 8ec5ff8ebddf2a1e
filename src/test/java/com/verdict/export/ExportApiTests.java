package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The three export files over REST: contents, key order, every filter, dedupe, split, manifests, history. */
@VerdictTest
class ExportApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    VerdictProperties properties;
    @Autowired
    TestRestTemplate http;

    ExportFixture fixture;
    Person engineer;

    @BeforeEach
    void setUp() {
        fixture = new ExportFixture(data, judging, jdbc).build();
        engineer = data.user("exporter", null, Role.ENGINEER);
    }

    @Test
    void dollyHoldsTheWinningResponseOfEachDecidedInteractionWithTheFourKeysInOrder() throws Exception {
        List<JsonNode> records = records("/api/export/dolly.jsonl");

        assertThat(records).extracting(r -> keys(r)).containsOnly(List.of("instruction", "context", "response", "category"));
        assertThat(records).extracting(r -> r.get("response").asText()).containsExactly("f-qa-1 by x", "f-qa-2 by y",
                "f-bs-1 by x", "f-three by x", "f-dup-a by x", "f-dup-b by x", "f-dup-c by x");
        assertThat(records.get(0).get("context").isTextual()).isTrue();
        assertThat(records.get(0).get("context").asText()).isEmpty();
        assertThat(records.get(3).get("context").asText()).isEqualTo("A long text.");
        assertThat(records.get(3).get("category").asText()).isEqualTo("summarization");
    }

    @Test
    void preferencesHoldEveryPairWithAPreferenceInOrder() throws Exception {
        List<JsonNode> records = records("/api/export/preferences.jsonl");

        assertThat(records).hasSize(ExportFixture.PREFERENCES);
        assertThat(records).extracting(r -> keys(r)).containsOnly(List.of("id", "instruction", "context", "category",
                "chosen", "rejected", "chosen_source", "rejected_source", "confidence", "judgments"));
        JsonNode qa2 = records.stream().filter(r -> r.get("id").asText().equals("f-qa-2")).findFirst().orElseThrow();
        assertThat(qa2.get("chosen").asText()).isEqualTo("f-qa-2 by y");
        assertThat(qa2.get("rejected").asText()).isEqualTo("f-qa-2 by x");
        assertThat(qa2.get("chosen_source").asText()).isEqualTo("model-y");
        assertThat(qa2.get("rejected_source").asText()).isEqualTo("model-x");
        assertThat(qa2.get("confidence").asDouble()).as("settled, so at least the settle confidence").isBetween(0.8, 1.0);
        assertThat(qa2.get("judgments").asInt()).isEqualTo(3);
        assertThat(records.stream().filter(r -> r.get("id").asText().equals("f-three")))
                .extracting(r -> r.get("chosen").asText() + " > " + r.get("rejected").asText())
                .containsExactly("f-three by x > f-three by y", "f-three by x > f-three by z",
                        "f-three by y > f-three by z");
        assertThat(records).noneMatch(r -> r.get("id").asText().equals("f-tie") || r.get("id").asText().equals("f-retired"));
    }

    @Test
    void rawJudgmentsArePseudonymousAndInCandidateTerms() throws Exception {
        List<JsonNode> records = records("/api/export/judgments.jsonl");

        assertThat(records).hasSize(ExportFixture.JUDGMENTS);
        assertThat(records).extracting(r -> keys(r)).containsOnly(List.of("id", "response_a", "response_b", "left",
                "verdict", "time_on_task_ms", "judged_at", "judge"));
        Set<String> pseudonyms = new HashSet<>();
        for (Person judge : fixture.judges) {
            pseudonyms.add(hmac(judge.id()));
        }
        assertThat(records).extracting(r -> r.get("judge").asText()).containsOnlyElementsOf(pseudonyms);
        String all = records.toString();
        fixture.judges.forEach(judge -> assertThat(all).doesNotContain(judge.username()));
        List<JsonNode> qa2 = records.stream().filter(r -> r.get("id").asText().equals("f-qa-2")).toList();
        assertThat(qa2).extracting(r -> r.get("verdict").asText()).containsExactly("b", "b", "a");
        assertThat(qa2).allSatisfy(r -> {
            assertThat(r.get("response_a").asInt()).isZero();
            assertThat(r.get("response_b").asInt()).isEqualTo(1);
            assertThat(r.get("left").asInt()).isIn(0, 1);
            assertThat(r.get("time_on_task_ms").asLong()).isNotNegative();
            assertThat(Instant.parse(r.get("judged_at").asText())).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(records).noneMatch(r -> r.get("id").asText().equals("f-retired"));
    }

    @Test
    void categoriesSourceConfidenceJudgmentsAndTagFilterEveryFile() throws Exception {
        assertThat(ids("/api/export/dolly.jsonl?category=open_qa")).containsExactly("f-qa-1", "f-qa-2");
        assertThat(ids("/api/export/dolly.jsonl?category=open_qa&category=brainstorming"))
                .containsExactly("f-qa-1", "f-qa-2", "f-bs-1");
        assertThat(ids("/api/export/dolly.jsonl?source=model-y")).containsExactly("f-qa-2");
        assertThat(ids("/api/export/dolly.jsonl?min-confidence=0.9"))
                .containsExactly("f-qa-1", "f-bs-1", "f-three", "f-dup-a");
        assertThat(ids("/api/export/dolly.jsonl?min-judgments=4")).containsExactly("f-three");
        assertThat(ids("/api/export/dolly.jsonl?tag=math")).isEmpty();

        assertThat(records("/api/export/preferences.jsonl?category=summarization")).hasSize(3);
        assertThat(records("/api/export/preferences.jsonl?source=model-z"))
                .extracting(r -> r.get("id").asText()).containsExactly("f-bs-1", "f-three", "f-three");
        assertThat(records("/api/export/preferences.jsonl?min-confidence=0.9")).hasSize(6);
        assertThat(records("/api/export/preferences.jsonl?min-judgments=3")).hasSize(ExportFixture.PREFERENCES);
        assertThat(records("/api/export/preferences.jsonl?min-judgments=4")).isEmpty();
        assertThat(records("/api/export/preferences.jsonl?tag=math")).isEmpty();

        assertThat(records("/api/export/judgments.jsonl?category=creative_writing")).hasSize(1);
        assertThat(records("/api/export/judgments.jsonl?source=model-z")).hasSize(3 + 6);
        // Their interaction's confidence: f-tie is settled as a tie with confidence 0.9 or more.
        assertThat(records("/api/export/judgments.jsonl?min-confidence=0.9"))
                .extracting(r -> r.get("id").asText()).containsOnly("f-qa-1", "f-bs-1", "f-three", "f-dup-a", "f-tie");
        assertThat(records("/api/export/judgments.jsonl?min-judgments=9"))
                .extracting(r -> r.get("id").asText()).containsOnly("f-three");
        assertThat(records("/api/export/judgments.jsonl?tag=math")).isEmpty();
    }

    @Test
    void sinceAndUntilSplitByWhenRecordsWereDecidedOrJudged() throws Exception {
        Instant mark = Instant.now();
        Thread.sleep(20);
        fixture.addLate("f-late");

        assertThat(ids("/api/export/dolly.jsonl?since=" + mark)).containsExactly("f-late");
        assertThat(ids("/api/export/dolly.jsonl?until=" + mark)).isEqualTo(ExportFixture.DOLLY_IDS);
        assertThat(records("/api/export/preferences.jsonl?since=" + mark))
                .extracting(r -> r.get("id").asText()).containsExactly("f-late");
        assertThat(records("/api/export/judgments.jsonl?since=" + mark))
                .extracting(r -> r.get("id").asText()).containsOnly("f-late").hasSize(3);
        assertThat(records("/api/export/judgments.jsonl?until=" + mark)).hasSize(ExportFixture.JUDGMENTS);
        assertThat(ids("/api/export/dolly.jsonl?since=2000-01-01&until=2000-01-02")).isEmpty();
    }

    @Test
    void retiredAreAlwaysLeftOutAndContestedOnlyOnRequest() throws Exception {
        fixture.addContested("f-split");
        assertThat(jdbc.queryForObject("select d.state from interaction_decision d join interaction i "
                + "on i.id = d.interaction_id where i.external_id = 'f-split'", String.class)).isEqualTo("CONTESTED");

        assertThat(ids("/api/export/dolly.jsonl")).isEqualTo(ExportFixture.DOLLY_IDS);
        assertThat(externalIds("/api/export/preferences.jsonl")).hasSize(ExportFixture.PREFERENCES)
                .doesNotContain("f-split");
        assertThat(externalIds("/api/export/judgments.jsonl")).hasSize(ExportFixture.JUDGMENTS)
                .doesNotContain("f-split", "f-retired");

        List<String> dolly = ids("/api/export/dolly.jsonl?include-contested=true");
        assertThat(dolly.subList(0, dolly.size() - 1)).isEqualTo(ExportFixture.DOLLY_IDS);
        assertThat(records("/api/export/dolly.jsonl?include-contested=true").get(dolly.size() - 1).get("response")
                .asText()).isEqualTo("f-split by x");
        List<JsonNode> preferences = records("/api/export/preferences.jsonl?include-contested");
        assertThat(preferences).hasSize(ExportFixture.PREFERENCES + 1);
        JsonNode split = preferences.get(preferences.size() - 1);
        assertThat(split.get("chosen").asText() + " > " + split.get("rejected").asText())
                .isEqualTo("f-split by x > f-split by y");
        assertThat(split.get("confidence").asDouble()).isLessThan(0.8);
        List<String> judgments = externalIds("/api/export/judgments.jsonl?include-contested=true");
        assertThat(judgments).hasSize(ExportFixture.JUDGMENTS + 5).doesNotContain("f-retired");
        assertThat(judgments.stream().filter("f-split"::equals)).hasSize(5);
    }

    @Test
    void rawJudgmentsCountTheirInteractionsJudgmentsWhateverItsOutcome() throws Exception {
        // f-tie settled as a tie after three judgments: no best response, still three judgments; f-one is open.
        assertThat(externalIds("/api/export/judgments.jsonl?min-judgments=3")).contains("f-tie")
                .doesNotContain("f-one");
    }

    @Test
    void dedupeKeepsTheMostConfidentInteractionPerInstructionAndContext() throws Exception {
        assertThat(ids("/api/export/dolly.jsonl?dedupe=instruction"))
                .containsExactly("f-qa-1", "f-qa-2", "f-bs-1", "f-three", "f-dup-a", "f-dup-c");
        // Preferences keep one interaction per instruction, with all its pairs: three responses make three lessons.
        List<JsonNode> preferences = records("/api/export/preferences.jsonl?dedupe=instruction");
        assertThat(preferences).extracting(r -> r.get("id").asText())
                .containsExactly("f-qa-1", "f-qa-2", "f-bs-1", "f-three", "f-three", "f-three", "f-dup-a", "f-dup-c");
        assertThat(preferences.subList(3, 6)).extracting(r -> r.get("chosen").asText() + " > " + r.get("rejected").asText())
                .containsExactly("f-three by x > f-three by y", "f-three by x > f-three by z",
                        "f-three by y > f-three by z");
    }

    @Test
    void trainAndTestAreDisjointCompleteAndStableAsTheDataGrows() throws Exception {
        List<String> train = ids("/api/export/dolly.jsonl?split=train&test-fraction=0.5");
        List<String> test = ids("/api/export/dolly.jsonl?split=test&test-fraction=0.5");

        assertThat(train).doesNotContainAnyElementsOf(test);
        List<String> both = new ArrayList<>(train);
        both.addAll(test);
        assertThat(both).containsExactlyInAnyOrderElementsOf(ExportFixture.DOLLY_IDS);
        assertThat(test).isEqualTo(ExportFixture.DOLLY_IDS.stream()
                .filter(id -> ExportFilter.splitPoint(id) < 0.5).toList());

        fixture.addLate("f-late");
        assertThat(ids("/api/export/dolly.jsonl?split=train&test-fraction=0.5")).containsAll(train);
        assertThat(ids("/api/export/dolly.jsonl?split=test&test-fraction=0.5")).containsAll(test);
        List<JsonNode> judgmentsTest = records("/api/export/judgments.jsonl?split=test&test-fraction=0.5");
        assertThat(judgmentsTest).extracting(r -> r.get("id").asText())
                .allSatisfy(id -> assertThat(ExportFilter.splitPoint(id)).isLessThan(0.5));
    }

    @Test
    void withDedupeAnInstructionKeepsItsSideWhicheverOfItsDuplicatesIsKept() throws Exception {
        for (String side : List.of("train", "test")) {
            List<JsonNode> records = records("/api/export/dolly.jsonl?dedupe=instruction&split=" + side
                    + "&test-fraction=0.5");
            assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(ExportFilter.splitPoint(ExportFilter.splitKey(
                    r.get("instruction").asText(), r.get("context").asText())) < 0.5).isEqualTo(side.equals("test")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dolly.jsonl", "dolly.jsonl?category=open_qa&dedupe=instruction",
            "preferences.jsonl?min-confidence=0.9", "judgments.jsonl?split=train&test-fraction=0.3"})
    void theManifestDescribesExactlyTheFileTheSameParametersGive(String file) throws Exception {
        String path = file.contains("?") ? file.substring(0, file.indexOf('?')) : file;
        String query = file.contains("?") ? file.substring(file.indexOf('?')) : "";
        byte[] bytes = download("/api/export/" + file, engineer);
        JsonNode manifest = json.readTree(mvc.perform(get("/api/export/" + path + "/manifest" + query).with(basic(engineer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(keys(manifest)).containsExactly("records", "byCategory", "filters", "generatedAt", "appVersion", "sha256");
        assertThat(manifest.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
        assertThat(manifest.get("records").asLong()).isEqualTo(lines);
        long byCategory = 0;
        for (JsonNode count : manifest.get("byCategory")) {
            byCategory += count.asLong();
        }
        assertThat(byCategory).isEqualTo(lines);
        assertThat(manifest.get("appVersion").asText()).isEqualTo("0.1.0");
        assertThat(Instant.parse(manifest.get("generatedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(manifest.get("filters").get("include-contested").asBoolean()).isFalse();
    }

    @Test
    void theManifestEchoesTheFiltersAndCountsByCategory() throws Exception {
        mvc.perform(get("/api/export/dolly.jsonl/manifest?category=brainstorming&category=open_qa&min-confidence=0.5")
                        .with(basic(engineer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records").value(3))
                .andExpect(jsonPath("$.byCategory.open_qa").value(2))
                .andExpect(jsonPath("$.byCategory.brainstorming").value(1))
                .andExpect(jsonPath("$.filters.category[0]").value("open_qa"))
                .andExpect(jsonPath("$.filters.category[1]").value("brainstorming"))
                .andExpect(jsonPath("$.filters.min-confidence").value(0.5));
    }

    @Test
    void badParametersAre400sNamingTheParameterAndUnknownFiles404s() throws Exception {
        mvc.perform(get("/api/export/dolly.jsonl?min-confidence=2").with(basic(engineer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Invalid export parameters"))
                .andExpect(jsonPath("$.details[0]").value("min-confidence: must be a number from 0 to 1, not '2'"));
        mvc.perform(get("/api/export/preferences.jsonl/manifest?split=dev").with(basic(engineer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("split: must be train or test, not 'dev'"));
        mvc.perform(get("/api/export/judgments.jsonl?dedupe=instruction").with(basic(engineer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/export/history?limit=0").with(basic(engineer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("limit: must be a whole number from 1 to 1000, not '0'"));
        mvc.perform(get("/api/export/alpaca.json").with(basic(engineer)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(
                        "No export file 'alpaca.json' (there are dolly.jsonl, preferences.jsonl, judgments.jsonl)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/export/dolly.jsonl", "/api/export/preferences.jsonl", "/api/export/judgments.jsonl",
            "/api/export/dolly.jsonl/manifest", "/api/export/preferences.jsonl/manifest",
            "/api/export/judgments.jsonl/manifest", "/api/export/history"})
    void aJudgeGets403OnEveryExport(String path) throws Exception {
        mvc.perform(get(path).with(basic(fixture.judges.get(0))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Access denied"));
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }

    @Test
    void everyFileWrittenIsCountedByFormatAndLoggedButManifestsAreNot() throws Exception {
        double dolly = counted("dolly");
        double judgments = counted("judgments");

        byte[] file = download("/api/export/dolly.jsonl?category=open_qa", engineer);
        download("/api/export/judgments.jsonl", engineer);
        mvc.perform(get("/api/export/dolly.jsonl/manifest").with(basic(engineer))).andExpect(status().isOk());

        assertThat(counted("dolly") - dolly).isEqualTo(2);
        assertThat(counted("judgments") - judgments).isEqualTo(ExportFixture.JUDGMENTS);
        mvc.perform(get("/api/export/history?limit=2").with(basic(engineer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].format").value("judgments.jsonl"))
                .andExpect(jsonPath("$[0].records").value(ExportFixture.JUDGMENTS))
                .andExpect(jsonPath("$[1].user").value(engineer.username()))
                .andExpect(jsonPath("$[1].via").value("basic"))
                .andExpect(jsonPath("$[1].format").value("dolly.jsonl"))
                .andExpect(jsonPath("$[1].query").value("category=open_qa"))
                .andExpect(jsonPath("$[1].filters.category[0]").value("open_qa"))
                .andExpect(jsonPath("$[1].records").value(2))
                .andExpect(jsonPath("$[1].completed").value(true))
                .andExpect(jsonPath("$[1].sha256").value(   // of the bytes the client received
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file))));
    }

    @Test
    void filesAreJsonLinesInUtf8WithANewlineAfterEveryRecord() throws Exception {
        MvcResult done = TestData.streamed(mvc, get("/api/export/dolly.jsonl").with(basic(engineer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"dolly.jsonl\""))
                .andReturn();
        String body = done.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).endsWith("\n").doesNotContain("\r").doesNotStartWith("\uFEFF");
        assertThat(body.split("\n", -1)).hasSize(ExportFixture.DOLLY_IDS.size() + 1);
    }

    private String hmac(long judgeId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(properties.export().judgeIdKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(Long.toString(judgeId).getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private double counted(String format) {
        return meters.counter("verdict.export.records", "format", format).count();
    }

    private List<String> ids(String url) throws Exception {
        List<String> responses = records(url).stream().map(r -> r.get("response").asText()).toList();
        return responses.stream().map(r -> r.substring(0, r.indexOf(" by "))).toList();
    }

    /** The interaction ids of a preferences or judgments file, line by line. */
    private List<String> externalIds(String url) throws Exception {
        return records(url).stream().map(r -> r.get("id").asText()).toList();
    }

    private List<JsonNode> records(String url) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : new String(download(url, engineer), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }

    private byte[] download(String url, Person person) throws Exception {
        return StreamedDownloads.download(http, url, person);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static RequestPostProcessor basic(Person person) {
        return httpBasic(person.username(), TestData.PASSWORD);
    }
}
