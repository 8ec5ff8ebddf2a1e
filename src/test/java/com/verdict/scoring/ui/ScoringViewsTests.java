package com.verdict.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ui.Times;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.leaderboard.MemberRow;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.MyStats;
import com.verdict.scoring.RefitSummary;
import com.verdict.scoring.ScoringService;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

@VerdictTest
class ScoringViewsTests {

    private static Routes routes;

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.verdict");
    }

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        SecurityContextHolder.clearContext();
        // Karibu runs no servlet filters: the request learns who is signed in from Spring Security itself.
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                return SecurityContextHolder.getContext().getAuthentication();
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
            }
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void myStatsShowsWhereThePointsCameFromAndTheAgreementInWords() {
        data.interactions("mine", 1);
        Person me = data.user("me");
        for (Person judge : List.of(me, data.user("other"), data.user("other"))) {
            Deal deal = judging.next(judge.id(), null).orElseThrow();
            judging.judge(judge.id(), deal.assignmentId(), deal.left().response() == 0 ? Verdict.LEFT : Verdict.RIGHT,
                    null);
        }
        data.signIn(me);

        UI.getCurrent().navigate("me");

        _get(MyStatsView.class);
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("Your one settled pair matched the consensus.");
        @SuppressWarnings("unchecked")
        Grid<MyStatsView.Line> breakdown = _get(Grid.class);
        assertThat(GridKt._size(breakdown)).isEqualTo(4);
        assertThat(GridKt._get(breakdown, 0)).isEqualTo(new MyStatsView.Line("Base",
                "Judgments made in at least the minimum reading time", 1));
        assertThat(GridKt._get(breakdown, 1).points()).isEqualTo(2);
    }

    @Test
    void goldPairsAreCountedInWords() {
        assertThat(MyStatsView.goldSentence(gold(1, 0))).isEqualTo("You missed the one gold pair you judged.");
        assertThat(MyStatsView.goldSentence(gold(1, 1))).isEqualTo("You matched the one gold pair you judged.");
        assertThat(MyStatsView.goldSentence(gold(4, 3))).isEqualTo("You matched 3 of the 4 gold pairs you judged.");
    }

    @Test
    void aFlaggedJudgeIsToldWhyTheirBonusesStopped() {
        Person me = data.user("flagged-me");
        data.flag(me, "Estimated accuracy 40% is below 60%");
        data.signIn(me);

        UI.getCurrent().navigate("me");

        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-flag-notice")).getElement().getTextRecursively())
                .startsWith("Your bonuses are paused")
                .contains("(Estimated accuracy 40% is below 60%)");
        data.signIn(data.user("unflagged"));
        UI.getCurrent().navigate("leaderboard");
        UI.getCurrent().navigate("me");
        assertThat(_find(Div.class, spec -> spec.withClasses("verdict-flag-notice"))).isEmpty();
    }

    @Test
    void judgmentsTooQuickToScoreAreCountedInWords() {
        assertThat(MyStatsView.tooFastSentence(tooFast(46, 37))).isEqualTo("37 of your 46 judgments were too quick "
                + "to earn points.");
        assertThat(MyStatsView.tooFastSentence(tooFast(46, 1))).isEqualTo("1 of your 46 judgments was too quick "
                + "to earn points.");
        assertThat(MyStatsView.tooFastSentence(tooFast(3, 3))).isEqualTo("All 3 of your judgments were too quick "
                + "to earn points.");
        assertThat(MyStatsView.tooFastSentence(tooFast(1, 1))).isEqualTo("Your judgment was too quick to earn points.");
    }

    private static MyStats tooFast(int judged, int tooFast) {
        return new MyStats(1, "me", 0, judged, Map.of(), 0, 0, 0, 0, 0, 0, 0, tooFast, null);
    }

    private static MyStats gold(int judged, int matched) {
        return new MyStats(1, "me", 0, judged, Map.of(), 0, 0, 0, 0, judged, matched, 0, 0, null);
    }

    @Test
    void judgesCannotOpenStandings() {
        data.signIn(data.user("judge"));

        // Vaadin shows its access-denied error, which Karibu raises, or turns the judge away quietly.
        Throwable denied = catchThrowable(() -> {
            UI.getCurrent().navigate("standings");
            assertThat(_find(StandingsView.class)).isEmpty();
        });

        if (denied != null) {
            assertThat(denied).hasStackTraceContaining("Access is denied by annotations on the view");
        }
    }

    @Test
    void engineersSeeStandingsAndMatchups() {
        data.importJsonl("{\"id\": \"s\", \"instruction\": \"Q?\", \"category\": \"open_qa\", \"responses\": "
                + "[{\"text\": \"x\", \"source\": \"model-x\"}, {\"text\": \"y\", \"source\": \"model-y\"}]}");
        for (Person voter : List.of(data.user("voter"), data.user("voter"), data.user("voter"))) {
            Deal deal = judging.next(voter.id(), null).orElseThrow();
            judging.judge(voter.id(), deal.assignmentId(), deal.left().response() == 1 ? Verdict.LEFT : Verdict.RIGHT,
                    null);
        }

        data.signIn(data.user("engineer", null, Role.ENGINEER));
        UI.getCurrent().navigate("standings");
        _get(StandingsView.class);
        @SuppressWarnings("unchecked")
        List<Grid<?>> grids = (List<Grid<?>>) (List<?>) _find(Grid.class);
        assertThat(grids).hasSize(2);
        assertThat(GridKt._size(grids.get(0))).isEqualTo(2);
        assertThat(((com.verdict.scoring.SourceStanding) GridKt._get(grids.get(0), 0)).source()).isEqualTo("model-y");
        assertThat(GridKt._size(grids.get(1))).isEqualTo(1);
    }

    @Test
    void anAdminRefitsFromTheScoringView() {
        data.signIn(data.user("admin", null, Role.ADMIN));
        UI.getCurrent().navigate("admin/scoring");
        _get(ScoringAdminView.class);
        Paragraph last = _get(Paragraph.class, spec -> spec.withClasses("verdict-last-refit"));
        assertThat(last.getText()).startsWith("No refit has run yet");

        _click(_get(Button.class, spec -> spec.withText("Refit now")));

        assertThat(last.getText()).startsWith("Last refit");
    }

    @Test
    void leadsSeeTheirTeamsFlaggedJudgesWithTheReasonAndAdminsSeeEveryTeam() {
        String blue = "Blue" + System.nanoTime();
        Person flagged = data.user("clicker", blue);
        Person elsewhere = data.user("other-clicker", "Red" + System.nanoTime());
        for (Person judge : List.of(flagged, elsewhere)) {
            jdbc.update("""
                    insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments,
                        gold_matched, left_share, left_warranted, too_fast_share, median_time_ms, settled, agreed,
                        flagged, flag_reason, fitted_at) values (?, ?, 0.45, 40, 0, 0, 1.0, 0.5, 0, 900, 30, 15, true,
                        ?, ?)""",
                    judge.id(), "0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04",
                    "Estimated accuracy 45% is below 60%; picks the left response in 100% of decisive verdicts",
                    Timestamp.from(Instant.now()));
        }
        data.signIn(data.user("lead", blue, Role.LEAD));

        UI.getCurrent().navigate("judges");

        _get(JudgesView.class);
        @SuppressWarnings("unchecked")
        Grid<com.verdict.scoring.JudgeQuality> judges = _find(Grid.class).get(0);
        assertThat(GridKt._size(judges)).as("the lead's own team only").isEqualTo(1);
        assertThat(GridKt._get(judges, 0).username()).isEqualTo(flagged.username());
        assertThat(GridKt._get(judges, 0).flagged()).isTrue();
        assertThat(GridKt._get(judges, 0).flagReason()).contains("picks the left response");
        assertThat(judges.isDetailsVisible(GridKt._get(judges, 0))).as("the reason on a line under the row").isTrue();

        data.signIn(data.user("admin", null, Role.ADMIN));
        // Away and back: navigating to the route already shown keeps its view, made for the lead.
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate("judges");
        @SuppressWarnings("unchecked")
        Grid<com.verdict.scoring.JudgeQuality> all = _find(Grid.class).get(0);
        assertThat(IntStream.range(0, GridKt._size(all)).mapToObj(i -> GridKt._get(all, i).username()))
                .contains(flagged.username(), elsewhere.username());
    }

    @Test
    void theTeamAndJudgesViewsShowAJudgesLeftBiasAndGoldAlike() {
        String team = "Leaners" + System.nanoTime();
        Person leaner = data.user("leaner", team);
        jdbc.update("""
                insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments,
                    gold_matched, left_share, left_warranted, too_fast_share, median_time_ms, settled, agreed,
                    flagged, flag_reason, fitted_at) values (?, ?, 0.8, 40, 3, 2, 0.48, 0.30, 0, 900, 30, 24, false,
                    null, ?)""",
                leaner.id(), "0.9,0.03,0.03,0.04,0.03,0.9,0.03,0.04,0.03,0.03,0.9,0.04,0.03,0.03,0.04,0.9",
                Timestamp.from(Instant.now()));
        data.signIn(data.user("lead", team, Role.LEAD));

        UI.getCurrent().navigate("judges");
        @SuppressWarnings("unchecked")
        Grid<com.verdict.scoring.JudgeQuality> judges = _find(Grid.class).get(0);
        List<String> judgesRow = GridKt._getFormattedRow(judges, 0);
        UI.getCurrent().navigate("team");
        @SuppressWarnings("unchecked")
        Grid<MemberRow> members = _find(Grid.class).get(0);
        List<String> teamRow = IntStream.range(0, GridKt._size(members))
                .filter(i -> GridKt._get(members, i).username().equals(leaner.username()))
                .mapToObj(i -> GridKt._getFormattedRow(members, i)).findFirst().orElseThrow();

        assertThat(judgesRow).contains("+18", "67% of 3");
        assertThat(teamRow).contains("+18", "67% of 3");
    }

    @Test
    void theJudgesViewSaysWhenItsRefitRan() {
        data.signIn(data.user("admin", null, Role.ADMIN));
        RefitSummary refit = context.getBean(ScoringService.class).refit();

        UI.getCurrent().navigate("judges");

        assertThat(_get(JudgesView.class).getElement().getTextRecursively()).contains("at the last refit ("
                + context.getBean(Times.class).formatWithZone(refit.fittedAt()) + ").");
    }

    @Test
    void beforeAnyRefitTheJudgesViewSaysWhyItsTablesAreEmpty() {
        data.signIn(data.user("lead", "Blue", Role.LEAD));
        // A refit over pairs none judged twice measures no agreement: rows of nothing are no rows.
        jdbc.update("insert into agreement_alpha (scope, name, alpha, units, votes) "
                + "values ('OVERALL', 'All', null, 0, 3)");

        UI.getCurrent().navigate("judges");

        _get(JudgesView.class);
        List<Grid> grids = _find(Grid.class);
        assertThat(GridKt._size(grids.get(0))).isZero();
        assertThat(grids.get(0).getEmptyStateText()).contains("at the next refit");
        assertThat(GridKt._size(grids.get(1))).isZero();
        assertThat(grids.get(1).getEmptyStateText()).contains("two judges or more");
    }

    @Test
    void theLastRefitIsDescribedInWords() {
        RefitSummary one = new RefitSummary(1, 1, 1, 8, 0, 0, 0, 1, 0, 89,
                Instant.parse("2026-11-27T18:36:00.059050Z"));

        assertThat(ScoringAdminView.describe(one, new Times(ZoneId.of("UTC"))))
                .isEqualTo("Last refit 2026-11-27 18:36 UTC, in 89 ms: 1 judgment "
                + "by 1 judge on 1 pair, 8 EM iterations. 0 pairs settled, 0 contested; 0 judges flagged. "
                + "Decisions changed: 1 pair, 0 interactions.");
    }
}
