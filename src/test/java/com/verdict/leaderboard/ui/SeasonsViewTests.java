package com.verdict.leaderboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.base.ui.Times;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.leaderboard.Season;
import com.verdict.people.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class SeasonsViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc.update("delete from season");
        ViewTestSupport.signInAndSetUp(context, data.user("seasons-view", null, Role.ADMIN));
        UI.getCurrent().navigate(SeasonsView.class);
        NotificationsKt.clearNotifications();
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void problemsShowUnderTheirFieldsAndASeasonAlreadyThereUnderTheTitle() {
        TextField title = _get(TextField.class, spec -> spec.withLabel("Title"));
        DateTimePicker starts = _get(DateTimePicker.class, spec -> spec.withLabel("Starts"));
        DateTimePicker ends = _get(DateTimePicker.class, spec -> spec.withLabel("Ends"));
        ends.setValue(starts.getValue().minusDays(1));
        _click(_get(Button.class, spec -> spec.withText("Create season")));

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Must be 1 to 200 characters");
        assertThat(ends.isInvalid()).isTrue();
        assertThat(ends.getErrorMessage()).isEqualTo("Must be after the start (startsAt)");
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from season", Long.class)).isZero();

        title.setValue("Winter cup");
        ends.setValue(starts.getValue().plusWeeks(1));
        _click(_get(Button.class, spec -> spec.withText("Create season")));
        assertThat(title.isInvalid()).isFalse();
        assertThat(ends.isInvalid()).isFalse();
        assertThat(GridKt._size(_get(Grid.class))).isEqualTo(1);

        title.setValue("Winter cup");
        _click(_get(Button.class, spec -> spec.withText("Create season")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).startsWith("Season ").endsWith("has this title and these dates already");
        assertThat(jdbc.queryForObject("select count(*) from season", Long.class)).isEqualTo(1);
    }

    @Test
    void aSeasonsTitleAndPrizeCanBeCorrected() {
        _get(TextField.class, spec -> spec.withLabel("Title")).setValue("Wintr cup");
        _click(_get(Button.class, spec -> spec.withText("Create season")));
        @SuppressWarnings("unchecked")
        Grid<Season> grid = _get(Grid.class);

        _click((Button) GridKt._getCellComponent(grid, 0, "edit"));
        // The dialog's, after the form's (an open modal dialog may also hide the form from lookups).
        TextField inDialog = last(TextField.class, "Title");
        inDialog.setValue("");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(inDialog.getErrorMessage()).isEqualTo("Must be 1 to 200 characters");

        inDialog.setValue("Winter cup");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(GridKt._get(grid, 0).title()).isEqualTo("Winter cup");
        assertThat(jdbc.queryForObject("select title from season", String.class)).isEqualTo("Winter cup");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'season.changed' "
                + "and details like '%: title Wintr cup → Winter cup'", Long.class)).isEqualTo(1);
    }

    @Test
    void aSeasonNotYetStartedCanBeMovedOrDeletedAndARunningOneKeepsItsStart() {
        DateTimePicker formStart = _get(DateTimePicker.class, spec -> spec.withLabel("Starts"));
        formStart.setValue(formStart.getValue().plusDays(1));
        _get(DateTimePicker.class, spec -> spec.withLabel("Ends")).setValue(formStart.getValue().plusWeeks(1));
        _get(TextField.class, spec -> spec.withLabel("Title")).setValue("Next cup");
        _click(_get(Button.class, spec -> spec.withText("Create season")));
        @SuppressWarnings("unchecked")
        Grid<Season> grid = _get(Grid.class);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Upcoming");

        _click((Button) GridKt._getCellComponent(grid, 0, "edit"));
        DateTimePicker start = last(DateTimePicker.class, "Starts");
        assertThat(start.isReadOnly()).isFalse();
        start.setValue(start.getValue().plusDays(2));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(GridKt._get(grid, 0).startsAt()).isEqualTo(
                formStart.getValue().plusDays(2).atZone(context.getBean(Times.class).zone()).toInstant());

        _click((Button) GridKt._getCellComponent(grid, 0, "edit"));
        _click(_get(Button.class, spec -> spec.withText("Delete season")));
        _click(_get(Button.class, spec -> spec.withClasses("verdict-confirm")));
        assertThat(GridKt._size(grid)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from season", Long.class)).isZero();

        _get(TextField.class, spec -> spec.withLabel("Title")).setValue("This cup");
        formStart.setValue(formStart.getValue().minusDays(2));
        _click(_get(Button.class, spec -> spec.withText("Create season")));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Running");
        _click((Button) GridKt._getCellComponent(grid, 0, "edit"));
        assertThat(last(DateTimePicker.class, "Starts").isReadOnly()).as("running: its board counts from its start")
                .isTrue();
        assertThat(last(DateTimePicker.class, "Ends").isReadOnly()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("Delete season"))).isEmpty();
    }

    @Test
    void aRunningSeasonsTitleIsCorrectedWhateverItsStartsFractionOfASecond() {
        // Made through the API: its start keeps microseconds, which the picker does not.
        Instant start = Instant.parse("2026-01-01T10:00:00.123456Z");
        context.getBean(LeaderboardService.class).createSeason("Typo cup", "", start,
                Instant.now().plus(Duration.ofDays(3)));
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(SeasonsView.class);
        @SuppressWarnings("unchecked")
        Grid<Season> grid = _get(Grid.class);

        _click((Button) GridKt._getCellComponent(grid, 0, "edit"));
        last(TextField.class, "Title").setValue("Tipo cup");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(GridKt._get(grid, 0)).extracting(Season::title, Season::startsAt).containsExactly("Tipo cup", start);
    }

    /** The dialog's field, after the form's of the same label. */
    private static <T extends com.vaadin.flow.component.Component> T last(Class<T> type, String label) {
        List<T> found = _find(type, spec -> spec.withLabel(label));
        return found.get(found.size() - 1);
    }
}
