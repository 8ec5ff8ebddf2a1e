package com.verdict.leaderboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.leaderboard.LeaderboardRow;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.leaderboard.Period;
import com.verdict.leaderboard.Season;
import com.verdict.leaderboard.TeamRow;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.PointsAwarded;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@VerdictTest
class LeaderboardViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaderboardService leaderboards;

    Person viewer;
    Person leader;

    @BeforeEach
    void setUp() {
        data.clearCatalog();
        jdbc.update("delete from season_standing");
        jdbc.update("delete from season");
        leader = data.user("leader", "Eagles");
        viewer = data.user("viewer", "Hawks");
        score(leader, 9);
        score(viewer, 4);
        ViewTestSupport.signInAndSetUp(context, viewer);
        UI.getCurrent().navigate(LeaderboardView.class);
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheBoardWithTheViewersRow() {
        Grid<LeaderboardRow> judges = _get(Grid.class, spec -> spec.withClasses("verdict-judges"));
        assertThat(_size(judges)).isEqualTo(2);
        assertThat(_get(judges, 0).username()).isEqualTo(leader.username());
        assertThat(_get(judges, 1).rank()).isEqualTo(2);

        _get(Checkbox.class, spec -> spec.withLabel("Around me")).setValue(true);
        assertThat(_size(judges)).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchesToTeamsAndRefreshesLive() {
        _get(Tabs.class, spec -> spec.withClasses("verdict-kind-tabs")).setSelectedIndex(1);
        Grid<TeamRow> teams = _get(Grid.class, spec -> spec.withClasses("verdict-teams"));
        assertThat(_size(teams)).isEqualTo(2);
        assertThat(_get(teams, 0).team()).isEqualTo("Eagles");

        score(viewer, 10);
        _get(LeaderboardView.class).refresh();
        assertThat(_get(teams, 0).team()).isEqualTo("Hawks");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhoneKeepsRankNameAndPointsInSight() {
        Grid<LeaderboardRow> judges = _get(Grid.class, spec -> spec.withClasses("verdict-judges"));
        LeaderboardView view = _get(LeaderboardView.class);

        view.fitTo(390);
        assertThat(headers(judges)).containsExactly("Rank", "Judge", "Points");
        assertThat(tabLabels()).as("five tabs across a phone").containsExactly("Today", "Week", "Month", "All",
                "Season");
        view.fitTo(1280);
        assertThat(headers(judges)).containsExactly("Rank", "Judge", "Points", "Team", "Judgments");
        assertThat(tabLabels()).containsExactly("Today", "This week", "This month", "All time", "Season");

        _get(Tabs.class, spec -> spec.withClasses("verdict-kind-tabs")).setSelectedIndex(1);
        Grid<TeamRow> teams = _get(Grid.class, spec -> spec.withClasses("verdict-teams"));
        assertThat(headers(teams)).hasSize(6);
        view.fitTo(390);
        assertThat(headers(teams)).containsExactly("Rank", "Team", "Points per active member");
    }

    private static List<String> tabLabels() {
        return _get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).getChildren()
                .map(tab -> ((Tab) tab).getLabel()).toList();
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText).toList();
    }

    @Test
    void withoutASeasonTheSeasonTabSaysSoPlainlyAndHidesItsFilters() {
        _get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).setSelectedIndex(Period.SEASON.ordinal());
        assertThat(_get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).getSelectedTab().getLabel())
                .isEqualTo("Season");

        assertThat(_get(Grid.class, spec -> spec.withClasses("verdict-judges")).getEmptyStateText())
                .isEqualTo("No season is running right now.");
        assertThat(_find(Checkbox.class, spec -> spec.withLabel("Around me"))).isEmpty();
    }

    @Test
    void opensOnTheSeasonWhileOneRuns() {
        assertThat(_get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).getSelectedTab().getLabel())
                .isEqualTo("All time");
        leaderboards.createSeason("Winter cup", "", Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(7)));

        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(LeaderboardView.class);

        assertThat(_get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).getSelectedTab().getLabel())
                .isEqualTo("Season");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pastSeasonsCanBePickedOnTheSeasonTab() {
        Instant now = Instant.now();
        long spring = leaderboards.createSeason("Spring cup", "", now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(1))).id();
        score(leader, 9);
        score(viewer, 4);
        Instant end = Instant.now();
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(end), spring);
        leaderboards.createSeason("Winter cup", "", end.plusMillis(1), now.plus(Duration.ofDays(7)));
        await().until(() -> Instant.now().isAfter(end.plusMillis(1)));
        score(viewer, 10);

        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(LeaderboardView.class);
        Select<Season> pick = _get(Select.class, spec -> spec.withClasses("verdict-season-pick"));
        Grid<LeaderboardRow> judges = _get(Grid.class, spec -> spec.withClasses("verdict-judges"));
        assertThat(pick.isVisible()).isTrue();
        assertThat(pick.getValue().title()).isEqualTo("Winter cup");
        assertThat(pick.getListDataView().getItems().map(pick.getItemLabelGenerator()).toList())
                .containsExactly("Winter cup (" + LocalDate.now(ZoneOffset.UTC) + " – "
                        + LocalDate.now(ZoneOffset.UTC).plusDays(7) + ")", "Spring cup ("
                        + LocalDate.now(ZoneOffset.UTC).minusDays(3) + " – " + LocalDate.now(ZoneOffset.UTC) + ")");
        assertThat(_size(judges)).isEqualTo(1);
        assertThat(_get(judges, 0).points()).isEqualTo(10);

        pick.setValue(pick.getListDataView().getItems().filter(season -> season.id() == spring).findFirst().orElseThrow());

        assertThat(_size(judges)).isEqualTo(2);
        assertThat(_get(judges, 0).username()).isEqualTo(leader.username());
        assertThat(_get(judges, 0).points()).isEqualTo(9);
        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-season-banner")).getElement().getTextRecursively())
                .contains("Spring cup").contains("ended — final standings are frozen")
                .contains("won by " + leader.displayName() + " with 9 points");
        _get(Tabs.class, spec -> spec.withClasses("verdict-period-tabs")).setSelectedIndex(Period.ALL.ordinal());
        assertThat(pick.isVisible()).as("only on the Season tab").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBoardLeftOpenFollowsTheNextSeasonUnlessAPastOneWasPicked() {
        Instant now = Instant.now();
        long summer = leaderboards.createSeason("Summer cup", "", now.minus(Duration.ofDays(9)),
                now.plus(Duration.ofDays(1))).id();
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(now.minus(Duration.ofDays(5))), summer);
        long autumn = leaderboards.createSeason("Autumn cup", "", now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(1))).id();
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(LeaderboardView.class);
        Select<Season> pick = _get(Select.class, spec -> spec.withClasses("verdict-season-pick"));
        assertThat(pick.getValue().title()).isEqualTo("Autumn cup");

        Instant end = Instant.now();
        jdbc.update("update season set ends_at = ? where id = ?", Timestamp.from(end), autumn);
        leaderboards.createSeason("Winter cup", "", end.plusMillis(1), now.plus(Duration.ofDays(7)));
        await().until(() -> Instant.now().isAfter(end.plusMillis(1)));
        _get(LeaderboardView.class).refresh();

        assertThat(pick.getValue().title()).as("on the current season, so on to the next").isEqualTo("Winter cup");
        assertThat(pick.getListDataView().getItems().map(Season::title).toList())
                .containsExactly("Winter cup", "Autumn cup", "Summer cup");
        assertThat(_get(Div.class, spec -> spec.withClasses("verdict-season-banner")).getElement().getTextRecursively())
                .contains("Winter cup");

        pick.setValue(pick.getListDataView().getItems().filter(season -> season.id() == autumn).findFirst().orElseThrow());
        Instant later = Instant.now();
        jdbc.update("update season set ends_at = ? where title = 'Winter cup'", Timestamp.from(later));
        leaderboards.createSeason("Spring cup", "", later.plusMillis(1), now.plus(Duration.ofDays(9)));
        await().until(() -> Instant.now().isAfter(later.plusMillis(1)));
        _get(LeaderboardView.class).refresh();

        assertThat(pick.getValue().title()).as("a past season picked stays").isEqualTo("Autumn cup");
        assertThat(pick.getListDataView().getItems().map(Season::title).toList())
                .containsExactly("Spring cup", "Winter cup", "Autumn cup", "Summer cup");
    }

    private void score(Person judge, int points) {
        tx.executeWithoutResult(s -> events.publishEvent(new PointsAwarded(judge.id(), null, "BASE", points,
                Instant.now())));
    }
}
