package com.verdict.scoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@VerdictTest
class ScoringApiTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void meGivesTheCallersPointsAndTheirBreakdown() throws Exception {
        data.interactions("me", 1);
        Person judge = data.user("me");
        new Judges(judging).vote(judge, Outcomes.A).orElseThrow();

        mvc.perform(as(get("/api/me"), judge))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(judge.username()))
                .andExpect(jsonPath("$.points").value(1))
                .andExpect(jsonPath("$.judgments").value(1))
                .andExpect(jsonPath("$.agreement").isEmpty())
                .andExpect(jsonPath("$.goldAccuracy").isEmpty())
                .andExpect(jsonPath("$.breakdown.BASE").value(1))
                .andExpect(jsonPath("$.breakdown.CONSENSUS").value(0))
                .andExpect(jsonPath("$.breakdown.GOLD").value(0))
                .andExpect(jsonPath("$.breakdown.STREAK").value(0));
    }

    @Test
    void meWithoutSigningInIsUnauthorized() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("Authentication required"));
    }

    @Test
    void standingsAndMatchupsAreForEngineersAndLeads() throws Exception {
        Person judge = data.user("judge");
        Person engineer = data.user("engineer", null, Role.ENGINEER);
        Person lead = data.user("lead", "Team", Role.LEAD);

        for (String path : new String[] {"/api/sources/standings", "/api/sources/matchups"}) {
            mvc.perform(as(get(path), judge)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("Access denied"));
            mvc.perform(as(get(path), engineer)).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
            mvc.perform(as(get(path), lead)).andExpect(status().isOk());
        }
    }

    @Test
    void onlyAnAdminCanRefitOnDemand() throws Exception {
        data.interactions("refit", 1);
        Person judge = data.user("judge");
        new Judges(judging).vote(judge, Outcomes.A).orElseThrow();
        Person lead = data.user("lead", "Team", Role.LEAD);
        Person admin = data.user("admin", null, Role.ADMIN);

        mvc.perform(as(post("/api/admin/scoring/refit"), lead)).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/admin/scoring/refit"), admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.judgments").value(1))
                .andExpect(jsonPath("$.judges").value(1))
                .andExpect(jsonPath("$.millis").isNumber());
    }

    @Test
    void leadsSeeTheirTeamsJudgeQualityAndJudgesDoNot() throws Exception {
        data.interactions("quality", 1);
        String team = "Team" + System.nanoTime();
        Person judge = data.user("judge", team);
        Person otherTeams = data.user("judge", "Other" + System.nanoTime());
        new Judges(judging).vote(judge, Outcomes.B).orElseThrow();
        new Judges(judging).vote(otherTeams, Outcomes.B).orElseThrow();
        Person lead = data.user("lead", team, Role.LEAD);
        Person admin = data.user("admin", null, Role.ADMIN);
        mvc.perform(as(post("/api/admin/scoring/refit"), admin)).andExpect(status().isOk());

        mvc.perform(as(get("/api/scoring/judges"), judge)).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/scoring/judges"), lead))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].username").value(judge.username()))
                .andExpect(jsonPath("$[0].flagged").value(false));
        mvc.perform(as(get("/api/scoring/judges"), admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(org.hamcrest.Matchers.hasItems(judge.username(),
                        otherTeams.username())));
        mvc.perform(as(get("/api/scoring/agreement"), lead))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].scope").value("OVERALL"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Person person) {
        return request.with(httpBasic(person.username(), TestData.PASSWORD));
    }
}
