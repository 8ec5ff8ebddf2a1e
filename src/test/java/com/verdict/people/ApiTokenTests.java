package com.verdict.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verdict.TestData;
import com.verdict.MigrationScripts;
import com.verdict.VerdictTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal API tokens: created once, stored as a hash, listed without secrets, kept to their scopes, revoked at once. */
@VerdictTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    PeopleService people;
    @Autowired
    DataSource dataSource;

    Person engineer;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        engineer = data.user("token-owner", null, Role.ENGINEER);
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        JsonNode created = create(engineer, "pipeline", "export");

        String token = created.get("token").asText();
        assertThat(token).startsWith("vdt_").hasSize(4 + 43);
        String stored = jdbc.queryForObject("select secret_hash from api_token where id = ?", String.class,
                created.get("id").asLong());
        assertThat(stored).isEqualTo(ApiTokenService.hash(token)).doesNotContain(token.substring(4));
        String listed = mvc.perform(get("/api/tokens").with(basic(engineer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(created.get("id").asLong()))
                .andExpect(jsonPath("$[0].name").value("pipeline"))
                .andExpect(jsonPath("$[0].scopes[0]").value("export"))
                .andExpect(jsonPath("$[0].createdAt").isString())
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain(token.substring(4)).doesNotContain(stored);
    }

    @Test
    void anExportTokenOpensTheExportAndNothingElse() throws Exception {
        String token = create(engineer, "exports only", "export").get("token").asText();

        mvc.perform(get("/api/export/dolly.jsonl/manifest").with(bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isOk());
        expectForbidden(post("/api/interactions").contentType("application/x-ndjson")
                .content(TestData.interactionLine("t-1", 2)), token);
        expectForbidden(get("/api/leaderboard"), token);
        expectForbidden(post("/api/assignments/next"), token);
        expectForbidden(get("/api/tokens"), token);
        expectForbidden(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"more\", \"scopes\": [\"export\", \"import\"]}"), token);
        expectForbidden(get("/actuator/prometheus"), token);
    }

    @Test
    void anImportTokenImportsButDoesNotExport() throws Exception {
        String token = create(engineer, "loader", "import").get("token").asText();

        mvc.perform(post("/api/interactions").with(bearer(token)).contentType("application/x-ndjson")
                        .content(TestData.interactionLine("t-import-1", 2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        expectForbidden(get("/api/export/dolly.jsonl"), token);
        expectForbidden(get("/api/export/history"), token);
    }

    @Test
    void exportsWithATokenAreLoggedWithItsName() throws Exception {
        String token = create(engineer, "nightly", "export", "import").get("token").asText();

        TestData.streamed(mvc, get("/api/export/dolly.jsonl").with(bearer(token))).andExpect(status().isOk());

        assertThat(jdbc.queryForMap("select username, via, token_name from export_history order by id desc limit 1"))
                .containsEntry("USERNAME", engineer.username()).containsEntry("VIA", "token")
                .containsEntry("TOKEN_NAME", "nightly");
        mvc.perform(get("/api/tokens").with(basic(engineer)))
                .andExpect(jsonPath("$[0].lastUsedAt").isString());
    }

    @Test
    void revokingATokenRefusesItAtOnce() throws Exception {
        JsonNode created = create(engineer, "short-lived", "export");
        String token = created.get("token").asText();
        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isOk());

        mvc.perform(delete("/api/tokens/{id}", created.get("id").asLong()).with(basic(engineer)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/export/history").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"Verdict\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.error").value("Invalid or revoked token"));
        mvc.perform(get("/api/tokens").with(basic(engineer))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(delete("/api/tokens/{id}", created.get("id").asLong()).with(basic(engineer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownTokensAre401AndOthersTokensAreNotYours() throws Exception {
        mvc.perform(get("/api/export/history").with(bearer("vdt_not-a-real-token")))
                .andExpect(status().isUnauthorized());
        JsonNode mine = create(engineer, "mine", "export");
        Person other = data.user("other-engineer", null, Role.ENGINEER);

        mvc.perform(get("/api/tokens").with(basic(other))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(delete("/api/tokens/{id}", mine.get("id").asLong()).with(basic(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/export/history").with(bearer(mine.get("token").asText()))).andExpect(status().isOk());
    }

    @Test
    void aTokenActsWithItsOwnersCurrentRoles() throws Exception {
        String token = create(engineer, "pipeline", "export").get("token").asText();

        people.update(engineer.id(), engineer.displayName(), null, Set.of(Role.JUDGE), true);
        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isForbidden());
        people.update(engineer.id(), engineer.displayName(), null, Set.of(Role.ENGINEER), false);
        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        JsonNode created = create(engineer, "bot", "export");
        long id = created.get("id").asLong();
        String token = created.get("token").asText();
        Instant recently = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("update api_token set last_used_at = ? where id = ?", Timestamp.from(recently), id);

        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isOk());
        assertThat(lastUsed(id)).isEqualTo(recently);

        Instant longAgo = Instant.now().minus(ApiTokenService.LAST_USE_STEP).minusSeconds(1);
        jdbc.update("update api_token set last_used_at = ? where id = ?", Timestamp.from(longAgo), id);
        Instant before = Instant.now();
        mvc.perform(get("/api/export/history").with(bearer(token))).andExpect(status().isOk());
        assertThat(lastUsed(id)).isBetween(before.minusMillis(1), Instant.now());
    }

    private Instant lastUsed(long tokenId) {
        return jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class, tokenId)
                .toInstant();
    }

    @Test
    void badTokenRequestsNameTheFieldAndJudgesMayNotMakeTokens() throws Exception {
        mvc.perform(post("/api/tokens").with(basic(engineer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \", \"scopes\": [\"export\", \"admin\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("name: must not be blank"))
                .andExpect(jsonPath("$.details[1]").value("scopes: unknown scope 'admin' (allowed: export, import)"));
        mvc.perform(post("/api/tokens").with(basic(engineer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"none\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("scopes: choose at least one of export, import"));
        Person judge = data.user("judge");
        mvc.perform(post("/api/tokens").with(basic(judge)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"scopes\": [\"export\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLiveTokensNameIsNotGivenTwiceByOneOwner() throws Exception {
        JsonNode first = create(engineer, "Training pipeline", "export");

        mvc.perform(post("/api/tokens").with(basic(engineer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" training PIPELINE \", \"scopes\": [\"import\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("You already have a live token named 'Training pipeline': "
                        + "choose another name, or revoke that one first"));
        assertThat(jdbc.queryForObject("select count(*) from api_token where user_id = ?", Long.class,
                engineer.id())).isEqualTo(1);

        create(data.user("other-engineer", null, Role.ENGINEER), "Training pipeline", "export");
        mvc.perform(delete("/api/tokens/" + first.get("id").asLong()).with(basic(engineer)))
                .andExpect(status().is2xxSuccessful());
        create(engineer, "Training pipeline", "export");
    }

    /** Two requests at once both pass the service's check: the unique index on the live name stops the second. */
    @Test
    void theDatabaseHoldsOneLiveNamePerOwner() throws Exception {
        create(engineer, "Nightly", "export");

        assertThatThrownBy(() -> jdbc.update("insert into api_token (id, user_id, name, live_name, scopes, secret_hash, "
                        + "created_at) values (?, ?, 'NIGHTLY', 'nightly', 'export', 'another-hash', ?)", 900_000_001L,
                engineer.id(), Timestamp.from(Instant.now())))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void migrationV19GivesTheFirstOfLiveTokensSharingANameThatName() {
        jdbc.execute("drop index api_token_live_name");
        jdbc.execute("alter table api_token drop column live_name");
        Timestamp now = Timestamp.from(Instant.now());
        String insert = "insert into api_token (id, user_id, name, scopes, secret_hash, created_at, revoked_at) "
                + "values (?, ?, ?, 'export', ?, ?, ?)";
        jdbc.update(insert, 900_000_011L, engineer.id(), "Twin", "hash-11", now, null);
        jdbc.update(insert, 900_000_012L, engineer.id(), "TWIN", "hash-12", now, null);
        jdbc.update(insert, 900_000_013L, engineer.id(), "twin", "hash-13", now, now);

        MigrationScripts.run(dataSource, "V19__api_token_live_names_unique.sql");

        assertThat(jdbc.queryForList("select live_name from api_token where id between 900000011 and 900000013 "
                + "order by id", String.class)).containsExactly("twin", null, null);
    }

    private JsonNode create(Person owner, String name, String... scopes) throws Exception {
        String body = json.writeValueAsString(Map.of("name", name, "scopes", scopes));
        return json.readTree(mvc.perform(post("/api/tokens").with(basic(owner))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void expectForbidden(MockHttpServletRequestBuilder request, String token) throws Exception {
        mvc.perform(request.with(bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Access denied"))
                .andExpect(jsonPath("$.details[0]").value(org.hamcrest.Matchers.matchesPattern(
                        "token '.+' may (export|import|export, import); a token reaches only /api/export/\\*\\* .*")));
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private static RequestPostProcessor basic(Person person) {
        return httpBasic(person.username(), TestData.PASSWORD);
    }
}
