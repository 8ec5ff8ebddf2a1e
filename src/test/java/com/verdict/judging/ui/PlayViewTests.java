package com.verdict.judging.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.base.VerdictProperties;
import com.verdict.base.ui.SafeMarkdown;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.scoring.Judges;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class PlayViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JudgingService judging;

    Person judge;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        data.interactions("view", 15);
        judge = data.user("player");
        ViewTestSupport.signInAndSetUp(context, judge);
        UI.getCurrent().navigate(PlayView.class);
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void playsAWholeRoundWithTheButtons() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        String[] verdicts = {"Left is better", "Right is better", "Tie", "Both bad"};
        for (int i = 0; i < 10; i++) {
            assertThat(_get(Span.class, spec -> spec.withClasses("verdict-progress-label")).getText())
                    .isEqualTo((i + 1) + " of 10");
            assertThat(_get(ProgressBar.class).getValue()).isEqualTo(i);
            assertThat(_find(SafeMarkdown.class)).hasSizeGreaterThanOrEqualTo(3);
            String verdict = verdicts[i % verdicts.length];
            _click(_get(Button.class, spec -> spec.withText(verdict)));
            if (i < 9) {
                assertThat(_get(Span.class, spec -> spec.withClasses("verdict-points-earned")).getText())
                        .isEqualTo("+1 point");
            }
        }
        assertThat(_get(H1.class, spec -> spec.withText("Round complete!"))).isNotNull();
        assertThat(_find(Span.class, spec -> spec.withText("+10"))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withText("#1"))).hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withText("You judged 10 of 10 pairs."))).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-rank-change")).getText())
                .as("no place before the first round").isEqualTo("▲ You entered the all-time board at #1");
        assertThat(jdbc.queryForObject("select count(*) from judgment where judge_id = ?", Long.class, judge.id()))
                .isEqualTo(10);
    }

    @Test
    void theWelcomeSaysWhenNothingIsLeftAndOffersNoRound() {
        data.clearCatalog();
        ViewTestSupport.signInAndSetUp(context, judge);
        UI.getCurrent().navigate(PlayView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Nothing to judge right now");
        assertThat(_get(Paragraph.class, spec -> spec.withText(PlayView.NOTHING_LEFT))).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withText("Start a round"))).isEmpty();
        _get(PlayView.class).onKey("Enter");
        assertThat(jdbc.queryForObject("select count(*) from round where judge_id = ?", Long.class, judge.id()))
                .as("Enter starts no round that would deal nothing").isZero();

        data.interactions("arrived", 1);
        ViewTestSupport.signInAndSetUp(context, judge);
        UI.getCurrent().navigate(PlayView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Ready for a round?");
        _get(PlayView.class).onKey("Enter");
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-progress-label")).getText()).isEqualTo("1 of 10");
        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-pair"))
                .getElement().getAttribute("aria-label")).isEqualTo("Pair 1 of 10");
    }

    @Test
    void aStreakNotYetKeptTodaySaysWhatKeepsIt() {
        LocalDate today = LocalDate.now(context.getBean(VerdictProperties.class).leaderboard()
                .zone());
        jdbc.update("insert into judge_streak (judge_id, current_days, longest_days, last_day) values (?, 3, 3, ?)",
                judge.id(), Date.valueOf(today.minusDays(1)));
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(PlayView.class);
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-streak")).getElement().getTextRecursively())
                .isEqualTo("3-day streak: finish a round today to keep it");

        jdbc.update("update judge_streak set last_day = ? where judge_id = ?", Date.valueOf(today),
                judge.id());
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(PlayView.class);
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-streak")).getElement().getTextRecursively())
                .isEqualTo("3-day streak");
    }

    @Test
    void aPlaceOfNoneIsNamedAsSuch() {
        assertThat(((Span) PlayView.rankChange(0, 0)).getText()).isEqualTo("Not on the board yet: points put you on it");
        assertThat(((Span) PlayView.rankChange(0, 3)).getText()).isEqualTo("▲ You entered the all-time board at #3");
        assertThat(((Span) PlayView.rankChange(5, 3)).getText()).isEqualTo("▲ You climbed 2 places");
        assertThat(((Span) PlayView.rankChange(3, 3)).getText()).isEqualTo("You held your place");
    }

    @Test
    void judgmentsTooQuickToScoreAreNamedInTheSummary() {
        assertThat(PlayView.tooFastSentence(3, 10))
                .isEqualTo("3 of them were too quick to earn points: take the time to read both answers.");
        assertThat(PlayView.tooFastSentence(1, 10)).startsWith("One of them was too quick");
        assertThat(PlayView.tooFastSentence(10, 10)).startsWith("All of them were too quick");
        assertThat(PlayView.tooFastSentence(1, 1)).startsWith("It was too quick");
    }

    @Test
    void theSummaryCountsSkipsApartAndTheRankFromTheRoundBefore() {
        playsAWholeRoundWithTheButtons();
        _click(_get(Button.class, spec -> spec.withText("Play another round")));
        _click(_get(Button.class, spec -> spec.withText("Skip")));
        for (int i = 0; i < 4; i++) {
            _click(_get(Button.class, spec -> spec.withText("Left is better")));
        }

        assertThat(_get(Paragraph.class, spec -> spec.withText("You judged 4 pairs and skipped 1."))).isNotNull();
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-rank-change")).getText())
                .isEqualTo("You held your place");
    }

    @Test
    void aJudgeWhoseGoldMissesLeftThemBelowZeroStillGetsTheWelcome() {
        jdbc.update("insert into judge_score (judge_id, points, judgments, updated_at) values (?, -1, 2, ?)",
                judge.id(), java.sql.Timestamp.from(java.time.Instant.now()));

        ViewTestSupport.signInAndSetUp(context, judge);
        UI.getCurrent().navigate(PlayView.class);

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-level")).getText()).isEqualTo("Level 1");
        assertThat(_get(ProgressBar.class, spec -> spec.withClasses("verdict-level-bar")).getValue()).isZero();
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-level-next")).getText())
                .isEqualTo("11 points to level 2");
    }

    @Test
    void aPairWithdrawnWhileOnScreenGivesWayToTheNextWithAWord() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        long shown = openInteraction();
        // An engineer replaces the interaction: its pairs go, and the open assignment with them.
        jdbc.update("delete from interaction where id = ?", shown);

        _click(_get(Button.class, spec -> spec.withText("Left is better")));

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-expired")).getText())
                .isEqualTo(PlayView.WITHDRAWN);
        assertThat(openInteraction()).as("the next pair is on screen").isNotEqualTo(shown);
        assertThat(jdbc.queryForObject("select count(*) from judgment where judge_id = ?", Long.class, judge.id()))
                .isZero();
    }

    @Test
    void aPairJudgedInAnotherTabIsPassedOverWhenSkippedHere() {
        long shown = startARoundAndJudgeItsPairInAnotherTab();

        _click(_get(Button.class, spec -> spec.withText("Skip")));

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-expired")).getText()).contains("judged that pair already");
        assertThat(openInteraction()).isNotEqualTo(shown);
    }

    @Test
    void aPairJudgedInAnotherTabKeepsThatVerdictWhenJudgedOtherwiseHere() {
        long shown = startARoundAndJudgeItsPairInAnotherTab();

        _click(_get(Button.class, spec -> spec.withText("Left is better")));

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-expired")).getText()).isEqualTo("You had judged "
                + "that pair already (in another tab?) as “Tie”, and that verdict stands — here is the next one.");
        assertThat(openInteraction()).isNotEqualTo(shown);
        assertThat(jdbc.queryForList("select verdict from judgment where judge_id = ?", String.class, judge.id()))
                .containsExactly("TIE");
    }

    /** Starts a round here and judges its pair TIE as another tab would; returns the pair's interaction. */
    private long startARoundAndJudgeItsPairInAnotherTab() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        long shown = openInteraction();
        long open = jdbc.queryForObject("select id from assignment where judge_id = ? and state = 'OPEN'", Long.class,
                judge.id());
        judging.judge(judge.id(), open, com.verdict.judging.Verdict.TIE, null);
        return shown;
    }

    @Test
    void aFlaggedJudgeIsToldWhereTheyPlay() {
        assertThat(_find(Div.class, spec -> spec.withClasses("verdict-flag-notice"))).isEmpty();
        data.flag(judge, "Estimated accuracy 40% is below 60%");

        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(PlayView.class);
        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-flag-notice")).getElement().getTextRecursively())
                .startsWith("Your bonuses are paused").contains("(Estimated accuracy 40% is below 60%)");

        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        for (int i = 0; i < 10; i++) {
            _click(_get(Button.class, spec -> spec.withText("Tie")));
        }
        assertThat(_get(H1.class).getText()).isEqualTo("Round complete!");
        assertThat(_find(Div.class, spec -> spec.withClasses("verdict-flag-notice"))).hasSize(1);
    }

    @Test
    void aRoundLeftWithAPairOnScreenIsResumedWhereItWas() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        _click(_get(Button.class, spec -> spec.withText("Tie")));
        _click(_get(Button.class, spec -> spec.withText("Tie")));
        long shown = openInteraction();

        // A reload, or a look at another view, and back.
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(PlayView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Welcome back");
        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-legend")).getElement().getTextRecursively())
                .endsWith("Enter resume");
        assertThat(_get(Paragraph.class, spec -> spec.withText("Your round is under way: 2 of 10 pairs done. Pick up "
                + "where you left off."))).isNotNull();
        _get(PlayView.class).onKey("Enter");

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-progress-label")).getText()).isEqualTo("3 of 10");
        assertThat(openInteraction()).as("the pair that was on screen").isEqualTo(shown);
        assertThat(jdbc.queryForObject("select count(*) from assignment where judge_id = ? and state = 'OPEN'",
                Long.class, judge.id())).isEqualTo(1);
    }

    private long openInteraction() {
        return jdbc.queryForObject("select interaction_id from assignment where judge_id = ? and state = 'OPEN'",
                Long.class, judge.id());
    }

    @Test
    void keysJudgeSkipAndStart() {
        PlayView view = _get(PlayView.class);
        view.onKey("Enter");
        view.onKey("1");
        view.onKey("ArrowRight");
        view.onKey("T");
        view.onKey("b");
        view.onKey("s");
        view.onKey("x");

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-progress-label")).getText()).isEqualTo("6 of 10");
        assertThat(jdbc.queryForList("select verdict from judgment where judge_id = ? order by id", String.class,
                judge.id())).containsExactly("LEFT", "RIGHT", "TIE", "BOTH_BAD");
        assertThat(jdbc.queryForObject("select count(*) from assignment where judge_id = ? and state = 'SKIPPED'",
                Long.class, judge.id())).isEqualTo(1);
    }

    @Test
    void theReasonIsStoredWithTheVerdict() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        _get(TextField.class, spec -> spec.withClasses("verdict-reason")).setValue("  more accurate  ");
        _click(_get(Button.class, spec -> spec.withText("Right is better")));

        assertThat(jdbc.queryForObject("select reason from judgment where judge_id = ?", String.class, judge.id()))
                .isEqualTo("more accurate");
    }

    @Test
    void theRoundSummaryShowsPointsByKindAndThePairsThatSettledSinceLastTime() {
        data.clearCatalog();
        data.interactions("since", 3);
        Judges crowd = new Judges(judging);
        List<Person> others = List.of(data.user("other"), data.user("other"));
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        tieUntilTheSummary();
        assertThat(texts("verdict-points-kind")).containsExactly("Base +3");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("verdict-settled-since"))).isEmpty();

        // The others settle the round's pairs as the judge voted, a tie, but for one: they prefer response A there.
        others.forEach(o -> crowd.voteAll(o,
                deal -> deal.interactionId().equals("since-2") ? Outcome.A : Outcome.TIE));
        data.interactions("next", 2);
        others.forEach(o -> crowd.voteAll(o, deal -> Outcome.TIE));
        _click(_get(Button.class, spec -> spec.withText("Play another round")));
        tieUntilTheSummary();

        assertThat(texts("verdict-points-kind")).containsExactly("Base +2", "Consensus +4");
        assertThat(_find(Span.class, spec -> spec.withText("+6"))).hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("verdict-settled-since")).getText())
                .isEqualTo("3 of your earlier pairs settled since your last round: you agreed with 2 (+4 points).");
    }

    private static void tieUntilTheSummary() {
        while (_find(H1.class, spec -> spec.withText("Round complete!")).isEmpty()) {
            _click(_get(Button.class, spec -> spec.withText("Tie")));
        }
    }

    private static List<String> texts(String className) {
        return _find(Span.class, spec -> spec.withClasses(className)).stream().map(Span::getText).toList();
    }

    @Test
    void aJudgeAtTheDailyCapSeesAFriendlyStopInsteadOfAPair() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        data.judgedNow(judge, 499);

        _click(_get(Button.class, spec -> spec.withText("Left is better")));

        assertThat(_get(H1.class).getText()).isEqualTo("That's all for today");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("verdict-cap-message")).getText())
                .isEqualTo("You've reached today's cap of 500 judgments — come back tomorrow.");
        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-points-earned")).getText()).isEqualTo("+1 point");
        assertThat(_find(SafeMarkdown.class)).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("See the leaderboard")));
        UI.getCurrent().navigate(PlayView.class);
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        assertThat(_get(H1.class).getText()).isEqualTo("That's all for today");
    }

    @Test
    void sourcesStayHiddenUntilTheVerdictIsIn() {
        _click(_get(Button.class, spec -> spec.withText("Start a round")));
        assertThat(_find(Span.class, spec -> spec.withClasses("verdict-sources"))).isEmpty();
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("model-0").doesNotContain("model-1");

        _click(_get(Button.class, spec -> spec.withText("Tie")));

        assertThat(_get(Span.class, spec -> spec.withClasses("verdict-sources")).getText())
                .matches("Previous pair: left was model-[01], right was model-[01]\\.");
    }
}
