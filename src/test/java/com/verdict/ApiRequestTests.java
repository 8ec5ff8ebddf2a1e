package com.verdict;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests a client gets wrong in the headers or the body: each is a 400 in JSON that names what is wrong, before
 * anything is stored; an Accept header the API cannot honour changes nothing about the answer.
 */
@VerdictTest
class ApiRequestTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JudgingService judging;
    @Autowired
    TestRestTemplate http;

    @Test
    void aJudgmentAskedForAsTextIsAnsweredInJsonAndAnErrorStaysAnError() throws Exception {
        Person judge = data.user("judge");
        Deal deal = aPairDealtTo(judge);

        mvc.perform(judgment(judge, deal, MediaType.TEXT_PLAIN_VALUE, "sideways"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.details[0]").value(org.hamcrest.Matchers.startsWith("verdict: must be one of")));
        mvc.perform(judgment(judge, deal, MediaType.TEXT_PLAIN_VALUE, "LEFT"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sources.left").exists());
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeIsRefusedBeforeAnythingIsDone() throws Exception {
        Person judge = data.user("judge");
        Deal deal = aPairDealtTo(judge);

        mvc.perform(judgment(judge, deal, "garbage", "LEFT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Invalid Accept header"));
        assertThat(jdbc.queryForObject("select count(*) from judgment where judge_id = ?", Long.class, judge.id()))
                .isZero();
    }

    private Deal aPairDealtTo(Person judge) {
        data.interactions("for-" + judge.username(), 1);
        return judging.next(judge.id(), null).orElseThrow();
    }

    private static MockHttpServletRequestBuilder judgment(Person judge, Deal deal, String accept, String verdict) {
        return post("/api/assignments/{id}/judgment", deal.assignmentId()).with(basic(judge))
                .header(HttpHeaders.ACCEPT, accept).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\": \"" + verdict + "\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown field     | {"name": "n", "scopes": ["export"], "owner": "admin"}  | owner: is not a field of this request (known: name, scopes)
            a key given twice    | {"name": "n", "name": "m", "scopes": ["export"]}        | Duplicate field 'name' (line 1, column 21)
            a second value       | {"name": "n", "scopes": ["export"]} {"name": "m"}      | another JSON value follows the first (one object per request body or line) (line 1, column 37)
            a number for a text  | {"name": 5, "scopes": ["export"]}                      | name: must be text
            a list for the body  | []                                                     | the body must be a JSON object
            an empty body        | ''                                                     | the body is empty: send a JSON object
            """)
    void aBodyIsReadAsStrictlyAsAnImportFile(String what, String body, String detail) throws Exception {
        Person engineer = data.user("engineer", null, Role.ENGINEER);

        mvc.perform(post("/api/tokens").with(basic(engineer)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value(detail));
        assertThat(jdbc.queryForObject("select count(*) from api_token where user_id = ?", Long.class,
                engineer.id())).as(what + " stores nothing").isZero();
    }

    // Both need the real server: MockMvc neither parses multipart bodies nor runs the servlet's error page.
    @Test
    void aMultipartTypeWithoutAMultipartBodyIsA400() {
        ResponseEntity<String> answer = postAsJudge("/api/assignments/next", MediaType.MULTIPART_FORM_DATA, "x");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("Malformed request body").contains("Content-Type");
    }

    @Test
    void aPathTheFirewallRefusesIsAJson400NotARedirectToTheLoginView() {
        ResponseEntity<String> answer = postAsJudge("/api/assignments/1;x=1/judgment", MediaType.APPLICATION_JSON,
                "{\"verdict\": \"LEFT\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(answer.getBody()).contains("Invalid request path");
    }

    private ResponseEntity<String> postAsJudge(String path, MediaType type, String body) {
        Person judge = data.user("judge");
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(judge.username(), TestData.PASSWORD);
        headers.setContentType(type);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
