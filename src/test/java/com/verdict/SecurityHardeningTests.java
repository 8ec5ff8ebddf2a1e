package com.verdict;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.base.AuditLog;
import com.verdict.catalog.CatalogService;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Password guessing is slowed, responses carry protective headers, and admin actions are audited. */
@VerdictTest
class SecurityHardeningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TestRestTemplate http;
    @Autowired
    AuditLog audit;
    @Autowired
    CatalogService catalog;
    @Autowired
    PeopleService people;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountIsLockedAfterTooManyFailedLogins() throws Exception {
        Person victim = data.user("victim");
        Person bystander = data.user("bystander");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/leaderboard").with(httpBasic(victim.username(), "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/leaderboard").with(basic(victim))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/leaderboard").with(basic(bystander))).andExpect(status().isOk());
    }

    @Test
    void aSuccessResetsTheFailureCount() throws Exception {
        Person forgetful = data.user("forgetful");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/leaderboard").with(httpBasic(forgetful.username(), "typo")))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/leaderboard").with(basic(forgetful))).andExpect(status().isOk());
        }
    }

    @Test
    void aBrowserSessionEndsWhenItsAccountChanges() throws Exception {
        Person lead = data.user("demoted", "Kestrels", Role.LEAD);

        MockHttpSession unchanged = signIn(lead.username(), TestData.PASSWORD);
        mvc.perform(get("/catalog").session(unchanged));
        mvc.perform(get("/catalog").session(unchanged));
        assertThat(unchanged.isInvalid()).as("nothing changed").isFalse();

        // Roles taken away: the session of a lead must not keep the Catalog, with its sources and gold answers.
        people.update(lead.id(), lead.displayName(), "Kestrels", Set.of(Role.JUDGE), true);
        mvc.perform(get("/catalog").session(unchanged));
        assertThat(unchanged.isInvalid()).as("signed out once the roles changed").isTrue();

        MockHttpSession beforeReset = signIn(lead.username(), TestData.PASSWORD);
        people.changePassword(lead.id(), "reset-by-an-admin");
        mvc.perform(get("/").session(beforeReset));
        assertThat(beforeReset.isInvalid()).as("signed out once the password changed").isTrue();

        MockHttpSession beforeDisabled = signIn(lead.username(), "reset-by-an-admin");
        people.update(lead.id(), lead.displayName(), "Kestrels", Set.of(Role.JUDGE), false);
        mvc.perform(get("/").session(beforeDisabled));
        assertThat(beforeDisabled.isInvalid()).as("signed out once disabled").isTrue();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        return session;
    }

    @Test
    void pagesAndApiCarrySecurityHeaders() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        HttpHeaders headers = login.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("default-src 'self'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");

        // The tab's icon, named by the page and open to a visitor not yet signed in (the login page is one).
        assertThat(login.getBody()).contains("<link href=\"images/favicon.svg\" rel=\"icon\"");
        ResponseEntity<String> icon = http.getForEntity("/images/favicon.svg", String.class);
        assertThat(icon.getStatusCode().value()).isEqualTo(200);
        assertThat(icon.getBody()).startsWith("<svg");

        HttpHeaders api = http.getForEntity("/api/leaderboard", String.class).getHeaders();
        assertThat(api.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void adminActionsAreAudited() throws Exception {
        Person admin = data.user("auditor", null, Role.ADMIN);
        String username = "audited-" + System.nanoTime();
        mvc.perform(post("/api/admin/users").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + username + "\", \"displayName\": \"Audited\", "
                                + "\"roles\": [\"JUDGE\"], \"password\": \"pw-1234\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Set-Cookie"));

        assertThat(audit.latest(5)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(admin.username());
            assertThat(entry.action()).isEqualTo("user.created");
            assertThat(entry.details()).startsWith(username);
        });
        mvc.perform(get("/api/admin/audit?limit=2").with(basic(admin))).andExpect(status().isOk());
        // Out of range is said, not quietly turned into 1 or 1,000.
        for (String limit : List.of("0", "-1", "9999999999", "many")) {
            mvc.perform(get("/api/admin/audit?limit=" + limit).with(basic(admin)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details[0]").value("limit: must be a whole number from 1 to 1000, not '"
                            + limit + "'"));
        }
    }

    @Test
    void refitsOnDemandExportsTokensCatalogChangesAndMovesAreAuditedToo() throws Exception {
        Person admin = data.user("auditor", null, Role.ADMIN);
        Person engineer = data.user("audit-engineer", "Platform", Role.ENGINEER);
        data.clearCatalog();
        data.importJsonl(TestData.interactionLine("audited-1", 2));
        long interactionId = jdbc.queryForObject("select id from interaction where external_id = 'audited-1'",
                Long.class);

        mvc.perform(post("/api/admin/scoring/refit").with(basic(admin))).andExpect(status().isOk());
        TestData.streamed(mvc, get("/api/export/dolly.jsonl?min-judgments=2").with(basic(engineer)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tokens").with(basic(engineer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"pipeline\", \"scopes\": [\"export\"]}")).andExpect(status().isCreated());
        data.signIn(engineer);
        catalog.retire(interactionId);
        data.signIn(admin);
        people.update(engineer.id(), engineer.displayName(), "Research", Set.of(Role.ENGINEER, Role.JUDGE), true);

        assertThat(audit.latest(20)).extracting(e -> e.actor() + " " + e.action() + ": " + e.details())
                .anySatisfy(e -> assertThat(e).startsWith(admin.username() + " scoring.refit: "))
                .anySatisfy(e -> assertThat(e).isEqualTo(engineer.username()
                        + " export: dolly.jsonl?min-judgments=2: 0 records"))
                .anySatisfy(e -> assertThat(e).startsWith(engineer.username() + " token.created: ")
                        .endsWith("'pipeline' may export"))
                .anySatisfy(e -> assertThat(e).isEqualTo(engineer.username() + " interaction.retired: audited-1 (id "
                        + interactionId + ")"))
                .anySatisfy(e -> assertThat(e).isEqualTo(admin.username() + " user.updated: " + engineer.username()
                        + " roles=[JUDGE, ENGINEER] team=Platform→Research enabled=true"));
    }
}
