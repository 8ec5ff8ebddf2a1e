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
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

/** Who may call what over REST, and that refusals are JSON without internals. */
@VerdictTest
class ApiSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @CsvSource({"GET,/api/leaderboard", "POST,/api/assignments/next", "POST,/api/assignments/1/judgment",
            "GET,/api/export/dolly.jsonl", "POST,/api/interactions", "POST,/api/admin/users",
            "GET,/api/no-such-endpoint", "GET,/actuator/prometheus"})
    void anonymousCallsAreRefusedWith401Json(String method, String path) throws Exception {
        mvc.perform(method.equals("GET") ? get(path) : post(path))
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
    void aJudgeMayNotExportImportOrAdminister() throws Exception {
        Person judge = data.user("judge");
        mvc.perform(get("/api/export/dolly.jsonl").with(basic(judge)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Access denied"));
        mvc.perform(post("/api/interactions").with(basic(judge))
                        .contentType("application/x-ndjson").content(TestData.interactionLine("x-1", 2)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/users").with(basic(judge))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(basic(judge)))
                .andExpect(status().isForbidden());
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
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
}
