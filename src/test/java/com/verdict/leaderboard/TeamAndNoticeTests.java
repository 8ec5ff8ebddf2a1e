package com.verdict.leaderboard;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.Judges;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@VerdictTest
class TeamAndNoticeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    NightlySummary summary;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JudgingService judging;
    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    VerdictProperties properties;

    @BeforeEach
    void clean() {
        data.clearCatalog();
        jdbc.update("delete from notice");
    }

    @Test
    void onlyTheTeamsLeadAndAdminsSeeItsMembers() throws Exception {
        Person lead = data.user("lead", "Falcons", Role.LEAD);
        Person member = data.user("member", "Falcons");
        Person otherLead = data.user("lead", "Owls", Role.LEAD);
        Person admin = data.user("admin", null, Role.ADMIN);

        mvc.perform(get("/api/teams/Falcons/members").with(basic(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '%s')].judgments".formatted(member.username())).value(0))
                .andExpect(jsonPath("$[?(@.username == '%s')].flagged".formatted(member.username())).value(false));
        mvc.perform(get("/api/teams/Falcons/members").with(basic(admin))).andExpect(status().isOk());
        mvc.perform(get("/api/teams/Falcons/members").with(basic(otherLead))).andExpect(status().isForbidden());
        mvc.perform(get("/api/teams/Falcons/members").with(basic(member)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/teams/Nobody/members").with(basic(admin))).andExpect(status().isNotFound());
    }

    @Test
    void theTeamsAgreementPerDayCountsItsMembersVotesOnTheDayTheirPairsSettled() {
        Person lead = data.user("lead", "Falcons", Role.LEAD);
        Person steady = data.user("steady", "Falcons");
        Person contrary = data.user("contrary", "Falcons");
        Person outsider = data.user("outsider", "Owls");
        data.interactions("daily", 3);
        Judges judges = new Judges(judging);
        judges.voteAll(steady, deal -> Outcome.A);
        judges.voteAll(outsider, deal -> Outcome.A);
        judges.voteAll(contrary, deal -> Outcome.B);
        LocalDate today = LocalDate.now(properties.leaderboard().zone());
        settledOn(steady, today.minusDays(1));
        settledOn(contrary, today.minusDays(LeaderboardService.TEAM_DAYS));

        List<Double> agreement = leaderboards.team(lead, "Falcons").agreementPerDay();

        assertThat(agreement).hasSize(LeaderboardService.TEAM_DAYS);
        assertThat(agreement.get(29)).as("today: steady agreed twice, contrary not at all").isEqualTo(0.5);
        assertThat(agreement.get(28)).as("yesterday: steady's other vote").isEqualTo(1.0);
        assertThat(agreement.subList(0, 28)).as("30 days ago is out of the chart").containsOnlyNulls();
    }

    /** Moves the settling of one of the judge's votes to noon on that day. */
    private void settledOn(Person judge, LocalDate day) {
        jdbc.update("update vote set scored_at = ? where judgment_id = (select min(judgment_id) from vote "
                        + "where judge_id = ?)",
                Timestamp.from(day.atTime(12, 0).atZone(properties.leaderboard().zone()).toInstant()), judge.id());
    }

    @Test
    void theNightlySummaryNamesYesterdaysTopJudgesAndTheDatasetOnce() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Person star = data.user("star");
        Instant noon = yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC);
        tx.executeWithoutResult(s -> events.publishEvent(new PointsAwarded(star.id(), null, "BASE", 7, noon)));

        Notice notice = summary.post(yesterday);
        summary.post(yesterday);

        assertThat(notice.title()).isEqualTo("Yesterday on Verdict — " + yesterday);
        assertThat(notice.body()).contains("1. " + star.displayName() + " — 7 points")
                .contains("Open Q&A: 0 of 0 interactions decided");
        assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isEqualTo(1);
    }
}
