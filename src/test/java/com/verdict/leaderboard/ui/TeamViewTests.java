package com.verdict.leaderboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H4;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.base.ui.Chart;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.Judges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@VerdictTest
class TeamViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void chartsTheTeamsAgreementWithTheConsensusPerDay() throws Exception {
        Person lead = data.user("lead", "Kestrels", Role.LEAD);
        Person member = data.user("member", "Kestrels");
        data.interactions("team", 2);
        Judges judges = new Judges(judging);
        // The member agrees with the two others on one pair of two; only the member is in the team.
        judges.voteAll(member, deal -> deal.interactionId().equals("team-0") ? Outcome.A : Outcome.B);
        List.of(data.user("other"), data.user("other")).forEach(other -> judges.voteAll(other, deal -> Outcome.A));

        ViewTestSupport.signInAndSetUp(context, lead);
        UI.getCurrent().navigate(TeamView.class);

        Chart chart = _find(Chart.class).stream()
                .filter(c -> c.getChildren().anyMatch(title -> title instanceof H4 heading
                        && heading.getText().startsWith("Agreement with the consensus")))
                .findFirst().orElseThrow();
        JsonNode option = new ObjectMapper().readTree(chart.option());
        assertThat(option.at("/series/0/type").asText()).isEqualTo("line");
        List<Integer> expected = new ArrayList<>(Collections.nCopies(29, null));
        expected.add(50);
        List<Integer> shown = new ArrayList<>();
        option.at("/series/0/data").forEach(value -> shown.add(value.isNull() ? null : value.asInt()));
        assertThat(shown).as("in percent, today last").isEqualTo(expected);
        assertThat(option.at("/yAxis/max").asDouble()).isEqualTo(100.0);
        assertThat(option.at("/xAxis/data").size()).isEqualTo(30);
    }
}
