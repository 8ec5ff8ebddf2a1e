package com.verdict.people.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.ApiException;
import com.verdict.base.ui.Confirmation;
import com.verdict.base.ui.FieldErrors;
import com.verdict.people.NewUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Users and teams, for admins. */
@Route("admin")
@PageTitle("Admin · Verdict")
@Menu(order = 90, icon = "vaadin:cog", title = "Admin")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout {

    private final PeopleService people;
    private final Grid<Person> users = new Grid<>(Person.class, false);
    private final Grid<PeopleService.TeamSummary> teams = new Grid<>(PeopleService.TeamSummary.class, false);

    public AdminView(PeopleService people) {
        this.people = people;
        addClassName("verdict-page");
        Paragraph teamsNote = new Paragraph("A team can be deleted once nobody is in it, unless it played in a season "
                + "that has ended (that season's board keeps its name).");
        teamsNote.addClassName("verdict-muted");
        add(new H1("Users and teams"), new H2("Users"), userToolbar(), configureUsers(), new H2("Teams"), teamToolbar(),
                configureTeams(), teamsNote);
        refresh();
    }

    private HorizontalLayout userToolbar() {
        Button add = new Button("Add user", VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(add);
    }

    private Grid<Person> configureUsers() {
        users.addColumn(Person::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        users.addColumn(Person::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        users.addColumn(p -> p.team() == null ? "—" : p.team()).setHeader("Team").setSortable(true).setAutoWidth(true);
        users.addColumn(p -> p.roles().stream().sorted().map(AdminView::label).collect(Collectors.joining(", ")))
                .setHeader("Roles").setFlexGrow(1);
        users.addComponentColumn(p -> {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEditor(p));
            edit.setAriaLabel("Edit " + p.username());
            return edit;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);
        return users;
    }

    private HorizontalLayout teamToolbar() {
        TextField name = new TextField();
        name.setPlaceholder("New team name");
        name.setAriaLabel("New team name");
        name.setMaxLength(100);
        FieldErrors errors = new FieldErrors().on("name", name);
        Button add = new Button("Add team", VaadinIcon.PLUS.create(), e -> {
            if (attempt("Team added", () -> people.createTeam(name.getValue()), errors, "name")) {
                name.clear();
            }
        });
        // Enter in the name field, not anywhere on the page (Enter on a row's Edit button is that button's).
        add.addClickShortcut(Key.ENTER).listenOn(name);
        return new HorizontalLayout(name, add);
    }

    private Grid<PeopleService.TeamSummary> configureTeams() {
        teams.addColumn(PeopleService.TeamSummary::name).setHeader("Team").setFlexGrow(1).setWidth("8rem");
        teams.addColumn(PeopleService.TeamSummary::members).setHeader("Members").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        teams.addComponentColumn(team -> {
            Button rename = new Button("Rename", VaadinIcon.EDIT.create(), e -> openRename(team.name()));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
            rename.setAriaLabel("Rename " + team.name());
            HorizontalLayout actions = new HorizontalLayout(rename);
            // Only an empty team: its members would be left without one (the note under the list says so).
            if (team.members() == 0) {
                Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> Confirmation.ask(
                        "Delete team " + team.name() + "?", "It has no members.", "Delete team",
                        () -> attempt("Team deleted", () -> people.deleteTeam(team.name()), new FieldErrors(), null)));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                delete.setAriaLabel("Delete " + team.name());
                actions.add(delete);
            }
            return actions;
        }).setKey("actions").setHeader("").setAutoWidth(true).setFlexGrow(0);
        teams.setId("teams");
        teams.setAllRowsVisible(true);
        teams.setMaxWidth("48rem");
        return teams;
    }

    private void openRename(String team) {
        Dialog dialog = new Dialog("Rename " + team);
        dialog.setTop("8vh");
        TextField name = new TextField("Team name");
        name.setValue(team);
        name.setMaxLength(100);
        name.setWidthFull();
        name.setHelperText("Its members and its rows on every board, past seasons' too, take the new name");
        name.setAutofocus(true);
        dialog.add(name);
        dialog.setWidth("28rem");
        FieldErrors errors = new FieldErrors().on("name", name);
        Button save = new Button("Rename", e -> {
            // Its own name again: nothing to do, and nothing to say it was done.
            if (name.getValue().strip().equals(team)
                    || attempt("Team renamed", () -> people.renameTeam(team, name.getValue()), errors, "name")) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(dialog);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static String label(Role role) {
        return switch (role) {
            case JUDGE -> "Judge";
            case LEAD -> "Team lead";
            case ENGINEER -> "Engineer";
            case ADMIN -> "Admin";
        };
    }

    private void openEditor(Person existing) {
        Dialog dialog = new Dialog(existing == null ? "Add user" : "Edit " + existing.username());
        // Pinned near the top: centred, it moved as field errors came and went, and clicks landed on the wrong field.
        dialog.setTop("8vh");
        TextField username = new TextField("Username");
        TextField displayName = new TextField("Display name");
        displayName.setMaxLength(200);
        ComboBox<String> team = new ComboBox<>("Team");
        team.setItems(people.teams().stream().map(PeopleService.TeamSummary::name).toList());
        // One of the teams there are: a typo here made a team of its own, which nothing could remove.
        team.setHelperText("New teams are added under Teams");
        team.setClearButtonVisible(true);
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(AdminView::label);
        PasswordField password = new PasswordField(existing == null ? "Password" : "New password (leave empty to keep)");
        Checkbox enabled = new Checkbox("Can log in", true);

        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            team.setValue(existing.team());
            roles.setValue(existing.roles());
        } else {
            roles.setValue(Set.of(Role.JUDGE));
            enabled.setVisible(false);
        }
        FormLayout form = new FormLayout(username, displayName, team, password, roles, enabled);
        dialog.add(form);
        (existing == null ? username : displayName).setAutofocus(true);
        FieldErrors errors = new FieldErrors().on("username", username).on("displayName", displayName).on("team", team)
                .on("password", password).on("roles", roles);

        Button save = new Button("Save", e -> {
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.of(Role.JUDGE) : EnumSet.copyOf(roles.getValue());
            boolean saved = attempt("Saved", () -> {
                if (existing == null) {
                    people.create(new NewUser(username.getValue().strip(), displayName.getValue(), team.getValue(),
                            chosen, password.getValue()));
                } else {
                    people.update(existing.id(), displayName.getValue(), team.getValue(), chosen, enabled.getValue());
                    if (!password.isEmpty()) {
                        people.changePassword(existing.id(), password.getValue());
                    }
                }
            }, errors, "username");
            if (saved) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(dialog);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /**
     * Runs a change and, if it worked, refreshes the lists and says {@code done}. If not, each problem shows under the
     * field it names (a conflict, such as a name taken, under {@code conflictField}'s), and what no field takes in a
     * message.
     */
    private boolean attempt(String done, Runnable change, FieldErrors errors, String conflictField) {
        try {
            change.run();
        } catch (ApiException e) {
            errors.show(e, conflictField);
            return false;
        } catch (ConstraintViolationException e) {
            // "create.user.displayName": the last node is the field's key.
            errors.show("Please check the form", e.getConstraintViolations().stream()
                    .map(v -> lastNode(v.getPropertyPath()) + ": " + v.getMessage()).sorted().distinct().toList());
            return false;
        }
        errors.clear();
        refresh();
        Notification.show(done, 2000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return true;
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    private void refresh() {
        users.setItems(people.all());
        teams.setItems(people.teams());
        // Auto widths fit the rows first shown: a Delete that appears later (a team just emptied) was cut off.
        teams.recalculateColumnWidths();
    }
}
