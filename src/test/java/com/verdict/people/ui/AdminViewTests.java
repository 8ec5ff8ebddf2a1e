package com.verdict.people.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.ViewTestSupport;
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
        assertThat(password.getErrorMessage()).startsWith("Must be 4 to 72 bytes");
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
}
