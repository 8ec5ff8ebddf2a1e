package com.verdict.leaderboard;

import static com.verdict.TestData.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.verdict.TestData;
import com.verdict.catalog.Category;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.Outcome;
import com.verdict.judging.RoundCompleted;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.Judges;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@VerdictTest
class LeaderboardServiceTests {

    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    TestData data;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Seasons seasons;
    @Autowired
    Progression progression;
    @Autowired
    MockMvc mvc;
    @Autowired
    JudgingService judging;
    @Autowired
    PeopleService people;

    @BeforeEach
    void clean() {
        data.clearCatalog();
        jdbc.update("delete from season");
    }

    @Test
    void aScoreJustBeforeMidnightIsNotOnTodaysBoard() {
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        Person late = data.user("late");
        Person early = data.user("early");
        score(late, 5, midnight.minus(1, ChronoUnit.MINUTES));
        score(early, 3, midnight.plus(1, ChronoUnit.MINUTES));

        assertThat(names(leaderboards.board(Period.DAY, null, early, false).rows())).containsExactly(early.username());
        assertThat(names(leaderboards.board(Period.ALL, null, early, false).rows()))
                .containsExactly(late.username(), early.username());
    }

    @Test
    void theLastRankedJudgeSeesTheirNeighboursAndRank() {
        List<Person> judges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            judges.add(data.user("ranked"));
            score(judges.get(i), 100 - i, Instant.now());
        }
        Person last = judges.get(11);

        Board board = leaderboards.board(Period.ALL, null, last, true);

        assertThat(board.me().rank()).isEqualTo(12);
        assertThat(board.rows()).hasSize(6);
        assertThat(board.rows().get(5).username()).isEqualTo(last.username());
        assertThat(board.rows().get(0).rank()).isEqualTo(7);
        assertThat(board.rowsWithMe()).hasSize(6);
    }

    @Test
    void aJudgeWithoutPointsStillSeesTheirOwnRow() {
        Person scorer = data.user("scorer");
        score(scorer, 4, Instant.now());
        Person newcomer = data.user("newcomer");

        Board board = leaderboards.board(Period.WEEK, null, newcomer, false);

        assertThat(board.me().points()).isZero();
        assertThat(board.me().rank()).isEqualTo(2);
        assertThat(names(board.rowsWithMe())).containsExactly(scorer.username(), newcomer.username());
    }

    @Test
    void aJudgeWithoutPointsStandsAmongTheRowsByPointsAboveJudgesBelowZero() {
        Person scorer = data.user("scorer");
        Person even = data.user("even");
        Person penalised = data.user("penalised");
        score(scorer, 4, Instant.now());
        score(even, 0, Instant.now());
        score(penalised, -1, Instant.now());
        Person newcomer = data.user("newcomer");

        Board board = leaderboards.board(Period.WEEK, null, newcomer, false);

        assertThat(names(board.rowsWithMe())).containsExactly(scorer.username(), even.username(),
                newcomer.username(), penalised.username());
        assertThat(board.rowsWithMe()).extracting(LeaderboardRow::rank).containsExactly(1L, 2L, 2L, 4L);
        Board around = leaderboards.board(Period.WEEK, null, newcomer, true);
        assertThat(names(around.rowsWithMe())).as("around me").containsExactly(scorer.username(), even.username(),
                newcomer.username(), penalised.username());
        assertThat(around.rowsWithMe()).extracting(LeaderboardRow::rank).containsExactly(1L, 2L, 2L, 4L);
        assertThat(leaderboards.board(Period.WEEK, null, scorer, false).rows())
                .as("for a judge on the board, nobody's rank moves").extracting(LeaderboardRow::rank)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void hiddenJudgesLeaveThePublicBoardButSeeThemselvesAndLeadsSeeThem() {
        Person shy = data.user("shy");
        Person other = data.user("other");
        Person lead = data.user("lead", null, Role.LEAD);
        score(shy, 50, Instant.now());
        score(other, 10, Instant.now());
        leaderboards.showOnLeaderboard(shy.id(), false);

        Board othersView = leaderboards.board(Period.ALL, null, other, false);
        assertThat(names(othersView.rows())).containsExactly(other.username());
        assertThat(othersView.me().rank()).isEqualTo(1);
        assertThat(leaderboards.board(Period.ALL, null, shy, false).me().rank()).isEqualTo(1);
        assertThat(names(leaderboards.board(Period.ALL, null, shy, false).rows())).contains(shy.username());
        assertThat(names(leaderboards.board(Period.ALL, null, lead, false).rows()))
                .containsExactly(shy.username(), other.username());
    }

    @Test
    void aTeamsBoardAroundMeKeepsToTheTeamAndRanksTiesAlike() {
        String team = "Herons-" + System.nanoTime();
        Person top = data.user("top", team);
        Person hidden = data.user("hidden", team);
        List<Person> tied = List.of(data.user("tied", team), data.user("tied", team), data.user("tied", team));
        Person last = data.user("last", team);
        score(top, 30, Instant.now());
        score(hidden, 25, Instant.now());
        score(hidden, 0, Instant.now());
        tied.forEach(judge -> score(judge, 20, Instant.now()));
        score(last, 10, Instant.now());
        for (int points : new int[] {40, 22, 15}) {
            score(data.user("outsider", "Elsewhere"), points, Instant.now());
        }
        leaderboards.showOnLeaderboard(hidden.id(), false);
        Person me = tied.get(1);

        Board board = leaderboards.board(Period.WEEK, team, me, true);

        assertThat(names(board.rows())).containsExactly(top.username(), tied.get(0).username(), me.username(),
                tied.get(2).username(), last.username());
        assertThat(board.rows()).extracting(LeaderboardRow::rank).containsExactly(1L, 2L, 2L, 2L, 5L);
        assertThat(board.rows()).extracting(LeaderboardRow::judgments).containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(board.me().rank()).isEqualTo(2);
        Person lead = data.user("lead", team, Role.LEAD);
        assertThat(leaderboards.board(Period.WEEK, team, lead, false).rows())
                .extracting(LeaderboardRow::username, LeaderboardRow::rank, LeaderboardRow::judgments)
                .startsWith(tuple(top.username(), 1L, 1L),
                        tuple(hidden.username(), 2L, 2L));
    }

    @Test
    void teamsRankByPointsPerActiveMember() {
        Person solo = data.user("solo", "Small");
        score(solo, 10, Instant.now());
        for (int i = 0; i < 3; i++) {
            score(data.user("crowd", "Big"), 7, Instant.now());
        }
        data.user("idle", "Big");

        List<TeamRow> teams = leaderboards.teams(Period.ALL);

        assertThat(teams).extracting(TeamRow::team).containsExactly("Small", "Big");
        assertThat(teams.get(1).points()).isEqualTo(21);
        assertThat(teams.get(1).members()).isEqualTo(3);
        assertThat(teams.get(1).pointsPerMember()).isEqualTo(7.0);
        assertThat(teams.get(0).rank()).isEqualTo(1);
    }

    @Test
    void tiedTeamsShareARankAndComeByName() {
        score(data.user("tied", "Zebras"), 5, Instant.now());
        score(data.user("tied", "Otters"), 5, Instant.now());
        score(data.user("tied", "Aardvarks"), 5, Instant.now());
        score(data.user("ahead", "Hares"), 6, Instant.now());

        assertThat(leaderboards.teams(Period.ALL)).extracting(TeamRow::rank, TeamRow::team).containsExactly(
                tuple(1L, "Hares"), tuple(2L, "Aardvarks"), tuple(2L, "Otters"), tuple(2L, "Zebras"));
    }

    @Test
    void activeMembersAreTheMembersWithPointsAboveZero() throws Exception {
        String team = "Wrens-" + System.nanoTime();
        Person lead = data.user("lead", team, Role.LEAD);
        score(data.user("scorer", team), 6, Instant.now());
        score(data.user("hasty", team), 0, Instant.now());
        score(data.user("penalised", team), -2, Instant.now());
        Person recovering = data.user("recovering", team);
        score(recovering, -1, Instant.now());
        score(recovering, 3, Instant.now());
        Person slipping = data.user("slipping", team);
        score(slipping, 2, Instant.now());
        score(slipping, -2, Instant.now());

        TeamRow row = teamRow(Period.ALL, team);

        assertThat(row.points()).isEqualTo(6);
        assertThat(row.members()).as("scorer and recovering").isEqualTo(2);
        assertThat(row.pointsPerMember()).isEqualTo(3.0);
        mvc.perform(get("/api/leaderboard/teams?period=day").with(basic(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.team == '%s')].members".formatted(team)).value(2));
    }

    @Test
    void aJudgeMovedToAnotherTeamTakesTheirPointsAlongEverywhere() {
        String from = "Kites-" + System.nanoTime();
        String to = "Larks-" + System.nanoTime();
        Person stayer = data.user("stayer", from);
        Person mover = data.user("mover", from);
        Person host = data.user("host", to);
        Person admin = data.user("admin", null, Role.ADMIN);
        Instant now = Instant.now();
        endedSeason("Ended cup", twoDaysAgo -> score(mover, 5, twoDaysAgo));
        score(stayer, 10, now);
        score(mover, 76, now);
        score(host, 30, now);

        people.update(mover.id(), mover.displayName(), to, Set.of(Role.JUDGE), true);
        score(mover, 19, now);

        assertThat(names(leaderboards.board(Period.ALL, from, admin, false).rows())).containsExactly(
                stayer.username());
        Board moversTeam = leaderboards.board(Period.ALL, to, mover, false);
        assertThat(names(moversTeam.rows())).containsExactly(mover.username(), host.username());
        assertThat(moversTeam.me().points()).isEqualTo(100);
        assertThat(moversTeam.me().judgments()).isEqualTo(3);
        assertThat(moversTeam.me().team()).isEqualTo(to);
        Board oldTeam = leaderboards.board(Period.ALL, from, mover, false);
        assertThat(oldTeam.me()).as("no row, and never a row of 0 points, on the old team's board").isNull();
        assertThat(names(oldTeam.rowsWithMe())).containsExactly(stayer.username());
        for (Period period : List.of(Period.DAY, Period.ALL)) {
            assertThat(teamRow(period, from)).as(period.label()).extracting(TeamRow::points, TeamRow::members)
                    .containsExactly(10L, 1);
        }
        assertThat(teamRow(Period.DAY, to)).extracting(TeamRow::points, TeamRow::members).containsExactly(125L, 2);
        assertThat(teamRow(Period.ALL, to)).extracting(TeamRow::points, TeamRow::members).containsExactly(130L, 2);
        TeamActivity oldActivity = leaderboards.team(admin, from);
        TeamActivity newActivity = leaderboards.team(admin, to);
        assertThat(oldActivity.members()).extracting(MemberRow::username).containsExactly(stayer.username());
        assertThat(oldActivity.judgmentsPerDay()).as("judgments per day, the last three days").endsWith(0L, 0L, 1L);
        assertThat(newActivity.judgmentsPerDay()).endsWith(1L, 0L, 3L);
        assertThat(teamRow(Period.SEASON, from)).as("an ended season keeps the teams it ended with")
                .extracting(TeamRow::points, TeamRow::members).containsExactly(5L, 1);
        assertThat(names(leaderboards.board(Period.SEASON, from, admin, false).rows()))
                .containsExactly(mover.username());

        people.update(host.id(), host.displayName(), null, Set.of(Role.JUDGE), true);
        people.update(stayer.id(), stayer.displayName(), to, Set.of(Role.JUDGE), true);

        assertThat(teamRow(Period.ALL, to)).extracting(TeamRow::points, TeamRow::members).containsExactly(110L, 2);
        assertThat(leaderboards.teams(Period.ALL)).as("a team nobody scored for is off the board")
                .extracting(TeamRow::team).doesNotContain(from);
        assertThat(leaderboards.board(Period.ALL, null, host, false).me().team()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from board_score where judge_id = ? and team is not null",
                Long.class, host.id())).isZero();
    }

    @Test
    void aRenamedTeamKeepsItsPointsAndAgreementUnderItsNewNameEvenInEndedSeasons() {
        String typo = "Platfrom-" + System.nanoTime();
        String fixed = typo.replace("Platfrom", "Platform");
        Person judge = data.user("renamed", typo);
        Person admin = data.user("admin", null, Role.ADMIN);
        Instant now = Instant.now();
        long ended = endedSeason("Renamed cup", twoDaysAgo -> score(judge, 5, twoDaysAgo));
        score(judge, 7, now);
        jdbc.update("insert into agreement_alpha (scope, name, alpha, units, votes) values ('TEAM', ?, 0.5, 4, 8)",
                typo);

        people.renameTeam(typo, fixed);
        score(judge, 1, now);

        assertThat(teamRow(Period.ALL, fixed)).extracting(TeamRow::points, TeamRow::members, TeamRow::agreement)
                .containsExactly(13L, 1, 0.5);
        assertThat(leaderboards.teams(Period.ALL)).extracting(TeamRow::team).doesNotContain(typo);
        assertThat(leaderboards.board(Period.ALL, fixed, judge, false).me().points()).isEqualTo(13);
        assertThat(leaderboards.seasonTeams(ended)).filteredOn(t -> t.team().equals(fixed)).singleElement()
                .extracting(TeamRow::points).isEqualTo(5L);
        assertThat(names(leaderboards.seasonBoard(ended, fixed, admin, false).rows()))
                .containsExactly(judge.username());
        assertThat(leaderboards.seasonTeams(ended)).extracting(TeamRow::team).doesNotContain(typo);
        for (String table : List.of("board_score", "team_board_score", "season_standing")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where team = ?", Long.class, typo))
                    .as(table).isZero();
        }
    }

    @Test
    void aTeamThatPlayedInAnEndedSeasonKeepsItsNameThereAndIsNotDeleted() {
        String played = "Played-" + System.nanoTime();
        String staying = "Staying-" + System.nanoTime();
        Person leaver = data.user("leaver", played);
        long ended = endedSeason("Past cup", twoDaysAgo -> score(leaver, 5, twoDaysAgo));
        people.update(leaver.id(), leaver.displayName(), staying, Set.of(Role.JUDGE), true);

        assertThatThrownBy(() -> people.deleteTeam(played)).isInstanceOf(ApiException.class)
                .hasMessage("Team " + played + " is on the boards of seasons that have ended, which keep its name: it "
                        + "cannot be deleted (rename it if the name is wrong)");

        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).contains(played);
        assertThat(leaderboards.seasonTeams(ended)).extracting(TeamRow::team, TeamRow::points)
                .containsExactly(tuple(played, 5L));
    }

    @Test
    void aRenameIntoANameOnTheBoardsIsRefusedAndChangesNothing() {
        String team = "Kestrels-" + System.nanoTime();
        String ghost = "Ghost-" + System.nanoTime();
        Person member = data.user("member", team);
        score(member, 3, Instant.now());
        // A row a judgment wrote under a name as it was being renamed (boards written in each judgment).
        jdbc.update("insert into team_board_score (period_key, team, points, judgments, active_members) "
                + "values ('all', ?, 1, 1, 1)", ghost);
        jdbc.update("insert into agreement_alpha (scope, name, alpha, units, votes) values ('TEAM', ?, 0.5, 4, 8)",
                team);

        try {
            assertThatThrownBy(() -> people.renameTeam(team, ghost.toUpperCase())).isInstanceOf(ApiException.class)
                    .hasMessage("The name " + ghost.toUpperCase() + " is on the boards already: choose another");

            assertThat(people.find(member.id()).orElseThrow().team()).isEqualTo(team);
            assertThat(teamRow(Period.ALL, team)).extracting(TeamRow::points, TeamRow::agreement)
                    .containsExactly(3L, 0.5);
            assertThat(jdbc.queryForList("select team from board_score where judge_id = ?", String.class,
                    member.id())).containsOnly(team);
        } finally {
            jdbc.update("delete from team_board_score where team = ?", ghost);
        }
    }

    @Test
    void aViewerWithoutPointsIsNotRankedFirstOnABoardWhereNobodyHasPoints() {
        Person newcomer = data.user("newcomer");

        Board empty = leaderboards.board(Period.DAY, null, newcomer, false);

        assertThat(empty.me()).isNull();
        assertThat(empty.rowsWithMe()).as("the empty board says so").isEmpty();
        Person hasty = data.user("hasty");
        score(hasty, 0, Instant.now());
        Board noPoints = leaderboards.board(Period.DAY, null, newcomer, true);
        assertThat(noPoints.me()).isNull();
        assertThat(names(noPoints.rowsWithMe())).containsExactly(hasty.username());
    }

    @Test
    void aSeasonThatStartedBeforeItWasCreatedCountsThePointsScoredSinceItsStart() {
        String team = "Swifts-" + System.nanoTime();
        Person early = data.user("early", team);
        Person late = data.user("late", team);
        data.interactions("backdated", 3);
        Judges judges = new Judges(judging);
        judges.voteAll(early, deal -> Outcome.A);
        judges.voteAll(late, deal -> Outcome.B);
        Instant now = Instant.now();
        // The early judge's judgments and points were made before the season's start.
        Timestamp before = Timestamp.from(now.minus(Duration.ofDays(2)));
        jdbc.update("update judgment set created_at = ? where judge_id = ?", before, early.id());
        jdbc.update("update points_entry set created_at = ? where judge_id = ?", before, early.id());
        long latePoints = jdbc.queryForObject("select sum(amount) from points_entry where judge_id = ?", Long.class,
                late.id());
        assertThat(latePoints).isPositive();

        seasons.create("Backdated cup", "", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));

        Board board = leaderboards.board(Period.SEASON, null, late, false);
        assertThat(board.rows()).extracting(LeaderboardRow::username, LeaderboardRow::points,
                LeaderboardRow::judgments).containsExactly(tuple(late.username(), latePoints, 3L));
        assertThat(teamRow(Period.SEASON, team)).extracting(TeamRow::points, TeamRow::members)
                .containsExactly(latePoints, 1);
        score(late, 4, Instant.now());
        assertThat(leaderboards.board(Period.SEASON, null, late, false).me().points()).isEqualTo(latePoints + 4);
    }

    /**
     * A season of three days that ended yesterday, frozen, with the points {@code scoring} makes at the instant it is
     * given (two days ago). Ended only once scored: the scheduled freeze may run at any moment.
     */
    private long endedSeason(String title, Consumer<Instant> scoring) {
        Instant now = Instant.now();
        long ended = seasons.create(title, "", now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(1))).id();
        scoring.accept(now.minus(Duration.ofDays(2)));
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(now.minus(Duration.ofDays(1))),
                ended);
        SeasonFreezes.freeze(seasons, ended);
        return ended;
    }

    private TeamRow teamRow(Period period, String team) {
        Map<String, TeamRow> teams = leaderboards.teams(period).stream()
                .collect(Collectors.toMap(TeamRow::team, Function.identity()));
        assertThat(teams).as("teams on the %s board", period.label()).containsKey(team);
        return teams.get(team);
    }

    @Test
    void streaksCountConsecutiveDaysWithAFullRound() {
        Person judge = data.user("streaker");
        Instant day1 = Instant.now().minus(Duration.ofDays(5));
        round(judge, day1);
        round(judge, day1.plus(Duration.ofHours(1)));
        round(judge, day1.plus(Duration.ofDays(1)));
        assertThat(streak(judge)).containsExactly(2, 2);

        round(judge, day1.plus(Duration.ofDays(3)));
        assertThat(streak(judge)).containsExactly(1, 2);
        assertThat(progression.badges(judge.id())).containsExactly(Badge.FIRST_ROUND);
    }

    @Test
    void judgingEveryCategoryEarnsTheAllRounderBadgeAtTheEndOfARound() {
        Person judge = data.user("allrounder");
        Judges judges = new Judges(judging);
        List<String> categories = Arrays.stream(Category.values()).map(Category::key).toList();
        for (String category : categories) {
            data.importJsonl(TestData.interactionLine("every-" + category, 2)
                    .replace("\"category\": \"open_qa\"", "\"category\": \"" + category + "\"") + "\n");
            judges.voteAll(judge, deal -> Outcome.TIE);
            round(judge, Instant.now());
            boolean last = category.equals(categories.get(categories.size() - 1));
            assertThat(progression.badges(judge.id()).contains(Badge.ALL_CATEGORIES)).as("after " + category)
                    .isEqualTo(last);
        }
    }

    @Test
    void theHundredthJudgmentEarnsTheCenturionBadgeInsideItsTransaction() {
        Person judge = data.user("centurion");
        data.interactions("hundred", 2);
        jdbc.update("insert into judge_score (judge_id, points, judgments, streak, updated_at) values (?, 0, 98, 0, ?)",
                judge.id(), Timestamp.from(Instant.now()));
        Judges judges = new Judges(judging);

        // Two judgments in one transaction, as the judging desk commits them: the second one is the hundredth.
        tx.executeWithoutResult(status -> {
            judges.vote(judge, Outcome.A).orElseThrow();
            assertThat(progression.badges(judge.id())).as("99 judgments").doesNotContain(Badge.JUDGMENTS_100);
            judges.vote(judge, Outcome.A).orElseThrow();
            assertThat(progression.badges(judge.id())).as("100 judgments").contains(Badge.JUDGMENTS_100);
        });

        assertThat(progression.badges(judge.id())).contains(Badge.JUDGMENTS_100);
    }

    @Test
    void fiftySettledAgreementsInARowEarnTheConsensusBadge() {
        Person judge = data.user("agreeable");
        List<Person> crowd = List.of(data.user("crowd"), data.user("crowd"));
        Judges judges = new Judges(judging);
        data.interactions("agreed", 1);
        judges.voteAll(judge, deal -> Outcome.TIE);
        crowd.forEach(other -> judges.voteAll(other, deal -> Outcome.TIE));
        data.interactions("disagreed", 1);
        judges.voteAll(judge, deal -> Outcome.TIE);
        crowd.forEach(other -> judges.voteAll(other, deal -> Outcome.A));
        data.interactions("run", Progression.AGREEMENTS_IN_A_ROW);
        judges.voteAll(judge, deal -> Outcome.TIE);
        judges.voteAll(crowd.get(0), deal -> Outcome.TIE);
        for (int i = 1; i < Progression.AGREEMENTS_IN_A_ROW; i++) {
            judges.vote(crowd.get(1), Outcome.TIE).orElseThrow();
        }
        assertThat(progression.badges(judge.id())).as("50 agreements, not in a row").doesNotContain(Badge.AGREEMENT_50);

        judges.vote(crowd.get(1), Outcome.TIE).orElseThrow();

        assertThat(progression.badges(judge.id())).contains(Badge.AGREEMENT_50);
    }

    @Test
    void aFlaggedJudgeEarnsNoConsensusBadgeUntilTheFlagIsLifted() {
        Person judge = data.user("flagged-agreeable");
        // A flagged judge's vote does not count towards a pair's judgments: three others settle each pair.
        List<Person> crowd = List.of(data.user("crowd"), data.user("crowd"), data.user("crowd"));
        Judges judges = new Judges(judging);
        flag(judge, true);
        data.interactions("flagged-run", Progression.AGREEMENTS_IN_A_ROW);
        judges.voteAll(judge, deal -> Outcome.TIE);
        crowd.forEach(other -> judges.voteAll(other, deal -> Outcome.TIE));
        assertThat(jdbc.queryForObject("select streak from judge_score where judge_id = ?", Integer.class, judge.id()))
                .as("the run is counted").isEqualTo(Progression.AGREEMENTS_IN_A_ROW);
        assertThat(progression.badges(judge.id())).as("50 in a row while flagged").doesNotContain(Badge.AGREEMENT_50);

        flag(judge, false);
        data.interactions("unflagged", 1);
        judges.voteAll(judge, deal -> Outcome.TIE);
        crowd.forEach(other -> judges.voteAll(other, deal -> Outcome.TIE));

        assertThat(progression.badges(judge.id())).as("the run goes on once the flag is lifted")
                .contains(Badge.AGREEMENT_50);
    }

    private void flag(Person judge, boolean flagged) {
        jdbc.update("delete from judge_reliability where judge_id = ?", judge.id());
        jdbc.update("""
                insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments, gold_matched,
                    left_share, left_warranted, too_fast_share, median_time_ms, settled, agreed, flagged, flag_reason,
                    fitted_at) values (?, ?, 0.45, 40, 0, 0, 1.0, 0.5, 0, 900, 30, 15, ?, ?, ?)""",
                judge.id(), "0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04,0.9,0.03,0.03,0.04", flagged,
                flagged ? "Estimated accuracy 45% is below 60%" : null, Timestamp.from(Instant.now()));
    }

    @Test
    void aSeasonCountsOnlyWhileItRunsAndIsFrozenWhenItEnds() {
        Instant now = Instant.now();
        Person judge = data.user("contender");
        // Ended only once scored: the scheduled freeze may run at any moment.
        Season season = seasons.create("Autumn cup", "A team lunch", now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(1)));
        score(judge, 8, now.minus(Duration.ofDays(1)));
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(now.minus(Duration.ofMinutes(1))),
                season.id());
        score(judge, 5, now);

        SeasonFreezes.freeze(seasons, season.id());

        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'freeze-seasons'", Long.class))
                .as("the job ran under its cluster-wide lock").isEqualTo(1);
        assertThat(jdbc.queryForObject("select points from season_standing where season_id = ? and judge_id = ?",
                Long.class, season.id(), judge.id())).isEqualTo(8);
        assertThat(seasons.find(season.id()).orElseThrow().frozenAt()).isNotNull();
        Board board = leaderboards.board(Period.SEASON, null, judge, false);
        assertThat(board.season().title()).isEqualTo("Autumn cup");
        assertThat(board.me().points()).isEqualTo(8);
    }

    @Test
    void aPastSeasonShowsItsFrozenStandingsWithTheTeamsItEndedWith() throws Exception {
        String kites = "Kites-" + System.nanoTime();
        String swifts = "Swifts-" + System.nanoTime();
        Person winner = data.user("winner", kites);
        Person second = data.user("second", swifts);
        Instant now = Instant.now();
        // Ended only once scored: the scheduled freeze may run at any moment.
        Season past = seasons.create("Spring cup", "", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(1)));
        score(winner, 9, now.minus(Duration.ofDays(5)));
        score(second, 4, now.minus(Duration.ofDays(4)));
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(now.minus(Duration.ofDays(3))),
                past.id());
        SeasonFreezes.freeze(seasons, past.id());
        seasons.create("Winter cup", "", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)));
        score(second, 2, now);
        people.update(winner.id(), winner.displayName(), swifts, Set.of(Role.JUDGE), true);
        // Frozen means frozen: not even a board row of the season changes its final standings.
        jdbc.update("update board_score set points = 100 where period_key = ?", Period.seasonKey(past.id()));

        Board board = leaderboards.seasonBoard(past.id(), null, second, false);
        assertThat(board.season().title()).isEqualTo("Spring cup");
        assertThat(board.rows()).extracting(LeaderboardRow::username, LeaderboardRow::points)
                .containsExactly(tuple(winner.username(), 9L), tuple(second.username(), 4L));
        assertThat(names(leaderboards.seasonBoard(past.id(), kites, second, false).rows()))
                .as("by the team they ended the season in").containsExactly(winner.username());
        assertThat(leaderboards.seasonTeams(past.id())).extracting(TeamRow::team).containsExactly(kites, swifts);
        assertThat(leaderboards.board(Period.SEASON, null, second, false).season().title()).isEqualTo("Winter cup");
        assertThat(leaderboards.begunSeasons()).extracting(Season::title).containsExactly("Winter cup", "Spring cup");
        assertThat(leaderboards.winners(seasons.find(past.id()).orElseThrow()))
                .contains(new SeasonWinners(List.of(winner.displayName()), 9));
        assertThat(leaderboards.winners(seasons.current(Instant.now()).orElseThrow())).as("still running").isEmpty();
        leaderboards.showOnLeaderboard(winner.id(), false);
        assertThat(leaderboards.winners(seasons.find(past.id()).orElseThrow()))
                .as("a winner off the boards is not replaced by the runner-up").isEmpty();
        leaderboards.showOnLeaderboard(winner.id(), true);

        mvc.perform(get("/api/leaderboard?period=season&season=" + past.id()).with(basic(second)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value(winner.username()))
                .andExpect(jsonPath("$[0].points").value(9));
        mvc.perform(get("/api/leaderboard/teams?period=season&season=" + past.id()).with(basic(second)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].team").value(kites));
        mvc.perform(get("/api/leaderboard?period=week&season=" + past.id()).with(basic(second)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value(
                        "season: names a season's board, so only with period=season, not 'week'"));
        mvc.perform(get("/api/leaderboard?period=season&season=" + (past.id() + 1000)).with(basic(second)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("No season " + (past.id() + 1000)));
    }

    @Test
    void restServesBoardsTeamsAndPreferences() throws Exception {
        Person judge = data.user("rest", "Platform");
        score(judge, 3, Instant.now());
        mvc.perform(get("/api/leaderboard?period=week&around=me").with(basic(judge)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value(judge.username()))
                .andExpect(jsonPath("$[0].rank").value(1))
                .andExpect(jsonPath("$[0].points").value(3))
                .andExpect(jsonPath("$[0].judgments").value(1));
        mvc.perform(get("/api/leaderboard/teams?period=day").with(basic(judge)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].team").value("Platform"))
                .andExpect(jsonPath("$[0].pointsPerMember").value(3.0));
        mvc.perform(get("/api/leaderboard?period=year").with(basic(judge)))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/me/preferences").with(basic(judge)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"showOnLeaderboard\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.showOnLeaderboard").value(false));
        mvc.perform(put("/api/me/preferences").with(basic(judge)).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
    }

    private void score(Person judge, int points, Instant at) {
        tx.executeWithoutResult(s -> {
            events.publishEvent(new PointsAwarded(judge.id(), null, "BASE", points, at));
            events.publishEvent(new JudgmentRecorded(0, judge.id(), 0, 0, 0, 0, Outcome.A, null, true,
                    Duration.ofSeconds(5), false, at));
        });
    }

    private void round(Person judge, Instant at) {
        tx.executeWithoutResult(s -> events.publishEvent(new RoundCompleted(judge.id(), 1, 10, at)));
    }

    private List<Integer> streak(Person judge) {
        return jdbc.queryForObject("select current_days, longest_days from judge_streak where judge_id = ?",
                (rs, i) -> List.of(rs.getInt(1), rs.getInt(2)), judge.id());
    }

    private static List<String> names(List<LeaderboardRow> rows) {
        return rows.stream().map(LeaderboardRow::username).toList();
    }
}
