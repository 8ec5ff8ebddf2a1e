package com.verdict.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
import com.verdict.people.PeopleService;
import com.verdict.people.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** An admin's mistakes in the Admin view show under the fields they concern, and nothing is saved. */
@VerdictTest
class AdminViewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PeopleService people;

    @BeforeEach
    void setUp() {
        ViewTestSupport.signInAndSetUp(context, data.user("admin-view", null, Role.ADMIN));
        UI.getCurrent().navigate(AdminView.class);
        NotificationsKt.clearNotifications();
    }

    @AfterEach
    void tearDown() {
        ViewTestSupport.tearDown();
    }

    @Test
    void aNewUsersProblemsShowUnderTheirFieldsAndATakenNameUnderTheUsername() {
        String taken = data.user("taken").username();
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        TextField username = _get(TextField.class, spec -> spec.withLabel("Username"));
        TextField displayName = _get(TextField.class, spec -> spec.withLabel("Display name"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Password"));
        username.setValue("newcomer" + System.nanoTime());
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(displayName.isInvalid()).isTrue();
        assertThat(displayName.getErrorMessage()).isEqualTo("Must not be blank");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("Must be 4 to 72 characters (a letter such as é");
        assertThat(username.isInvalid()).isFalse();
        assertThat(NotificationsKt.getNotifications()).as("every problem has its field").isEmpty();
        assertThat(_find(Dialog.class)).as("the dialog stays open with what was typed").hasSize(1);

        username.setValue(taken.toUpperCase());
        displayName.setValue("Newcomer");
        password.setValue("long enough password");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Username already taken: " + taken);
        assertThat(displayName.isInvalid()).as("its problem is mended").isFalse();
        assertThat(password.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from app_user where lower(username) = lower(?)",
                Long.class, taken)).isEqualTo(1);
    }

    @Test
    void aUsersTeamIsOneOfTheTeamsThereAre() {
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        @SuppressWarnings("unchecked")
        ComboBox<String> team = _get(ComboBox.class, spec -> spec.withLabel("Team"));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));

        assertThat(team.isAllowCustomValue()).as("a typo makes no team").isFalse();
        assertThat(roles.getItemLabelGenerator().apply(Role.LEAD)).isEqualTo("Team lead");
        assertThat(_get(Dialog.class).getTop()).as("pinned, not re-centred as errors come and go").isEqualTo("8vh");
    }

    @Test
    void aTeamsNameProblemShowsUnderTheNameField() {
        TextField name = _get(TextField.class, spec -> spec.withPlaceholder("New team name"));
        _click(_get(Button.class, spec -> spec.withText("Add team")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Must be 1 to 100 characters");

        String team = "Gamma" + System.nanoTime();
        name.setValue(team);
        _click(_get(Button.class, spec -> spec.withText("Add team")));
        assertThat(name.isInvalid()).isFalse();
        assertThat(name.getValue()).as("cleared for the next").isEmpty();

        name.setValue(team);
        _click(_get(Button.class, spec -> spec.withText("Add team")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Team already exists: " + team);
    }

    @Test
    void aTeamIsRenamedFromItsRowAndDeletedOnlyWhenEmpty() {
        String typo = "Platfrom" + System.nanoTime();
        String taken = "Taken" + System.nanoTime();
        data.user("member", typo);
        data.user("other", taken);
        String empty = people.createTeam("Empty" + System.nanoTime());
        UI.getCurrent().navigate("me");
        UI.getCurrent().navigate(AdminView.class);

        assertThat(teamActions(typo).getChildren().map(c -> ((Button) c).getText()))
                .as("a team with members cannot be deleted").containsExactly("Rename");
        _click(button(teamActions(typo), "Rename"));
        TextField name = _get(TextField.class, spec -> spec.withLabel("Team name"));
        assertThat(name.getValue()).isEqualTo(typo);
        name.setValue(taken.toLowerCase());
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Rename")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Team already exists: " + taken.toLowerCase());
        String fixed = typo.replace("Platfrom", "Platform");
        name.setValue(fixed);
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Rename")));

        assertThat(_find(Dialog.class)).isEmpty();
        NotificationsKt.expectNotifications("Team renamed");
        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).contains(fixed).doesNotContain(typo);
        assertThat(teamActions(fixed)).isNotNull();

        _click(button(teamActions(empty), "Delete"));
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Delete team " + empty + "?");
        assertThat(people.teams()).as("not before it is confirmed").extracting(PeopleService.TeamSummary::name)
                .contains(empty);
        _click(_get(Button.class, spec -> spec.withClasses("verdict-confirm")));
        assertThat(people.teams()).extracting(PeopleService.TeamSummary::name).doesNotContain(empty);
        NotificationsKt.expectNotifications("Team deleted");
    }

    private static Button button(HorizontalLayout actions, String text) {
        return actions.getChildren().map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    private HorizontalLayout teamActions(String team) {
        @SuppressWarnings("unchecked")
        Grid<PeopleService.TeamSummary> teams = _get(Grid.class, spec -> spec.withId("teams"));
        for (int row = 0; row < GridKt._size(teams); row++) {
            if (GridKt._get(teams, row).name().equals(team)) {
                return (HorizontalLayout) GridKt._getCellComponent(teams, row, "actions");
            }
        }
        throw new AssertionError("no row for team " + team);
    }
}
