package com.verdict;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.people.NewUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How REST calls are signed in and refused: JSON errors without internals. Who may call which endpoint is
 * AccessMatrixTests' table.
 */
@VerdictTest
class ApiSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"/api/leaderboard", "/api/no-such-endpoint", "/actuator/prometheus"})
    void anonymousCallsAreRefusedWith401Json(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Verdict\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("Authentication required"));
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        Person judge = data.user("judge");
        mvc.perform(get("/api/leaderboard").with(httpBasic(judge.username(), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() throws Exception {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
        mvc.perform(get("/actuator/prometheus").with(basic(data.user("judge"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Access denied"));
        Person admin = data.user("admin", null, Role.ADMIN);
        ResponseEntity<String> metrics = http.withBasicAuth(admin.username(), TestData.PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("verdict_judging_time_on_task");
    }

    @Test
    void aChangedAccountCountsAtItsVeryNextCall(@Autowired PeopleService people) throws Exception {
        // Sign-ins keep an account read for a few seconds (AccountDetailsService); a change must not wait for that.
        Person judge = data.user("changing");
        mvc.perform(get("/api/leaderboard").with(basic(judge))).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(basic(judge))).andExpect(status().isForbidden());

        people.update(judge.id(), judge.displayName(), null, Set.of(Role.JUDGE), false);
        mvc.perform(get("/api/leaderboard").with(basic(judge))).andExpect(status().isUnauthorized());

        people.update(judge.id(), judge.displayName(), null, Set.of(Role.ADMIN), true);
        mvc.perform(get("/actuator/prometheus").with(basic(judge))).andExpect(status().isOk());

        people.changePassword(judge.id(), "a-brand-new-password");
        mvc.perform(get("/api/leaderboard").with(basic(judge))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/leaderboard").with(httpBasic(judge.username(), "a-brand-new-password")))
                .andExpect(status().isOk());
    }

    @Test
    void aNewAccountSignsInThoughItsNameWasTriedBefore(@Autowired PeopleService people) throws Exception {
        String name = "not-yet-" + System.nanoTime();
        mvc.perform(get("/api/leaderboard").with(httpBasic(name, TestData.PASSWORD)))
                .andExpect(status().isUnauthorized());
        people.create(new NewUser(name, "Arrived later", null, Set.of(Role.JUDGE), TestData.PASSWORD));
        mvc.perform(get("/api/leaderboard").with(httpBasic(name, TestData.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void springSecurityStartsNoObservations(@Autowired SecurityObservationSettings observations) {
        // Observed, each filter, sign-in and access decision would start one on every call (SecurityConfig).
        assertThat(observations.shouldObserveRequests()).isFalse();
        assertThat(observations.shouldObserveAuthentications()).isFalse();
        assertThat(observations.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void anUnknownEndpointIsA404WithoutInternals() throws Exception {
        Person judge = data.user("judge");
        mvc.perform(get("/api/no-such-endpoint").with(basic(judge)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("Not found: /api/no-such-endpoint"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void aKnownPathAskedWithAnotherMethodOrContentTypeIs405Or415() throws Exception {
        Person engineer = data.user("engineer", null, Role.ENGINEER);
        mvc.perform(get("/api/interactions").with(basic(engineer)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.details[0]").value("supported: POST"));
        mvc.perform(post("/api/interactions").with(basic(engineer)).contentType("text/csv").content("a,b"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.details[0]").value("Content-Type 'text/csv' is not supported; send one of "
                        + "application/json, application/jsonl, application/x-ndjson, text/plain"));
    }

    /** Found by ApiFuzzPropertyTests: each was a 500, or a date stored wrongly, or Java's names in the answer. */
    @ParameterizedTest
    @MethodSource("badFields")
    void aBadFieldIsA400NamingItWithoutJavaTypes(String method, String path, String body, String detail)
            throws Exception {
        Person admin = data.user("admin", null, Role.ADMIN);
        mvc.perform(request(HttpMethod.valueOf(method), path).with(basic(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value(detail));
    }

    static Stream<Arguments> badFields() {
        String user = "{\"username\": \"fuzzed\", \"displayName\": \"F\", \"password\": \"pw-1234\", \"roles\": ";
        String season = "{\"title\": \"Cup\", \"startsAt\": \"2001-01-01T00:00:00Z\", \"endsAt\": ";
        return Stream.of(
                Arguments.of("POST", "/api/admin/users", user + "[null]}", "roles[]: must not be null"),
                Arguments.of("POST", "/api/admin/users", user + "[\"judge\"]}",
                        "roles[0]: must be one of JUDGE, LEAD, ENGINEER, ADMIN"),
                Arguments.of("POST", "/api/admin/users", user + "\"JUDGE\"}", "roles: must be a list"),
                Arguments.of("POST", "/api/admin/seasons", season + "\"+1000000000-12-31T23:59:59Z\"}",
                        "endsAt: must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                Arguments.of("POST", "/api/admin/seasons", season + "[1]}",
                        "endsAt: must be a time such as 2025-01-31T09:00:00Z"),
                Arguments.of("POST", "/api/admin/seasons", season + "1e30}",
                        "endsAt: Instant exceeds minimum or maximum instant"),
                Arguments.of("POST", "/api/admin/seasons", "{\"title\": \"a\\u0000b\"}",
                        "title: must not contain the NUL character (\\u0000)"),
                Arguments.of("PUT", "/api/me/preferences", "{\"showOnLeaderboard\": \"yes\"}",
                        "showOnLeaderboard: must be true or false"),
                Arguments.of("POST", "/api/assignments/abc/judgment", "{\"verdict\": \"LEFT\"}",
                        "id: must be a number"));
    }
}
