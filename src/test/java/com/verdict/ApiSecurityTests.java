package com.verdict;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.people.Person;
import com.verdict.people.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
}
