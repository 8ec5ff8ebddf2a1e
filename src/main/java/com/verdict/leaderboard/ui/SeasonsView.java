package com.verdict.leaderboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.ApiException;
import com.verdict.base.ui.Confirmation;
import com.verdict.base.ui.FieldErrors;
import com.verdict.base.ui.Times;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.leaderboard.Season;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/** Admins set up seasons (contests): title, prize, start and end. */
@Route("admin/seasons")
@PageTitle("Seasons · Verdict")
@Menu(order = 91, icon = "vaadin:flag-checkered", title = "Seasons")
@RolesAllowed("ADMIN")
public class SeasonsView extends Div {

    private final LeaderboardService leaderboards;
    private final Times times;
    private final Grid<Season> seasons = new Grid<>(Season.class, false);

    public SeasonsView(LeaderboardService leaderboards, Times times) {
        this.leaderboards = leaderboards;
        this.times = times;
        addClassName("verdict-page");
        seasons.addColumn(Season::title).setHeader("Title").setFlexGrow(1);
        seasons.addColumn(s -> times.format(s.startsAt())).setHeader(times.header("Starts")).setAutoWidth(true);
        seasons.addColumn(s -> times.format(s.endsAt())).setHeader(times.header("Ends")).setAutoWidth(true);
        seasons.addColumn(Season::prize).setHeader("Prize").setFlexGrow(1);
        seasons.addColumn(s -> s.frozenAt() != null ? "Frozen" : s.runningAt(Instant.now()) ? "Running"
                : s.startsAt().isAfter(Instant.now()) ? "Upcoming" : "Ended")
                .setHeader("State").setAutoWidth(true);
        seasons.addComponentColumn(s -> {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEditor(s));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setKey("edit").setAutoWidth(true).setFlexGrow(0);
        seasons.setAllRowsVisible(true);
        seasons.setEmptyStateText("No seasons yet: a season gives the contest its own board, banner and prize.");
        Paragraph help = new Paragraph("A season has its own board. A start in the past counts the points scored "
                + "since then. When it ends its standings are frozen and kept. Until it starts a season can be moved "
                + "or deleted; while it runs, its end can move. Times are in " + times.zone().getId()
                + ", the zone the boards count days in.");
        help.addClassName("verdict-muted");
        add(new H1("Seasons"), help, form(), seasons);
        seasons.setItems(leaderboards.seasons());
    }

    private FormLayout form() {
        SeasonFields fields = new SeasonFields();
        fields.start.setValue(LocalDateTime.now(times.zone()).withSecond(0).withNano(0));
        fields.end.setValue(fields.start.getValue().plusWeeks(1));
        Button create = new Button("Create season", VaadinIcon.PLUS.create(), e -> {
            try {
                leaderboards.createSeason(fields.title.getValue(), fields.prize.getValue(), instant(fields.start),
                        instant(fields.end));
                fields.errors.clear();
                fields.title.clear();
                fields.prize.clear();
                refresh("Season created");
            } catch (ApiException ex) {
                // A season of this title and dates exists: the title is what to change.
                fields.errors.show(ex, "title");
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The button on a row of its own.
        FormLayout form = fields.layout("32em");
        Div actions = new Div(create);
        actions.addClassName("verdict-form-actions");
        form.add(actions, 2);
        form.setMaxWidth("60rem");
        return form;
    }

    /**
     * A typo in a season's title or prize stood on every judge's banner: both can be corrected at any time. Its dates
     * only while its board allows (before it starts; a running season's end), as the pickers that stay say.
     */
    private void openEditor(Season season) {
        Dialog dialog = new Dialog("Edit " + season.title());
        dialog.setTop("8vh");
        SeasonFields fields = new SeasonFields();
        fields.title.setValue(season.title());
        fields.prize.setValue(season.prize() == null ? "" : season.prize());
        LocalDateTime shownStart = LocalDateTime.ofInstant(season.startsAt(), times.zone());
        LocalDateTime shownEnd = LocalDateTime.ofInstant(season.endsAt(), times.zone());
        fields.start.setValue(shownStart);
        fields.end.setValue(shownEnd);
        Instant soon = Instant.now().plus(LeaderboardService.SEASON_DATES_SETTLED_WITHIN);
        if (season.startsAt().isBefore(soon)) {
            fields.start.setReadOnly(true);
            fields.start.setHelperText("Started (or starting within a minute): its board counts from here");
        }
        if (season.endsAt().isBefore(soon)) {
            fields.end.setReadOnly(true);
            fields.end.setHelperText("Ended (or ending within a minute): its standings are final");
        }
        Button save = new Button("Save", e -> {
            try {
                // Only a date the admin changed: a picker keeps milliseconds and local times, so one sent back
                // untouched could differ from the stored instant and read as a move.
                leaderboards.editSeason(season.id(), fields.title.getValue(), fields.prize.getValue(),
                        changed(fields.start, shownStart), changed(fields.end, shownEnd));
                dialog.close();
                refresh("Season saved");
            } catch (ApiException ex) {
                fields.errors.show(ex, "title");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fields.layout("30em"));
        if (!fields.start.isReadOnly()) {
            // Only a season that has not started: it has no board yet, so nothing is lost with it.
            Button delete = new Button("Delete season", VaadinIcon.TRASH.create(), e -> Confirmation.ask(
                    "Delete " + season.title() + "?", "It has not started, so no judge has points on it yet.",
                    "Delete season", () -> {
                        try {
                            leaderboards.deleteSeason(season.id());
                            dialog.close();
                            refresh("Season deleted");
                        } catch (ApiException ex) {
                            fields.errors.show(ex, "startsAt");
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("40rem");
        dialog.open();
    }

    /** The picker's instant if the admin changed it; null (the date stays) if not. */
    private Instant changed(DateTimePicker picker, LocalDateTime shown) {
        return picker.isReadOnly() || Objects.equals(picker.getValue(), shown) ? null : instant(picker);
    }

    private Instant instant(DateTimePicker picker) {
        return picker.getValue() == null ? null : picker.getValue().atZone(times.zone()).toInstant();
    }

    private void refresh(String done) {
        seasons.setItems(leaderboards.seasons());
        Notification.show(done, 2000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A season's title, prize, start and end, each with its problems under it: the new season's and the editor's. */
    private static final class SeasonFields {

        final TextField title = new TextField("Title");
        final TextArea prize = new TextArea("Prize");
        final DateTimePicker start = isoPicker("Starts");
        final DateTimePicker end = isoPicker("Ends");
        final FieldErrors errors = new FieldErrors().on("title", title).on("prize", prize).on("startsAt", start)
                .on("endsAt", end);

        SeasonFields() {
            title.setMaxLength(200);
            prize.setMaxLength(2000);
        }

        /** Title and prize across, start and end side by side (in two columns from {@code twoColumnsFrom} wide). */
        FormLayout layout(String twoColumnsFrom) {
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep(twoColumnsFrom, 2));
            form.add(title, 2);
            form.add(start, end);
            form.add(prize, 2);
            return form;
        }

        private static DateTimePicker isoPicker(String label) {
            DateTimePicker picker = new DateTimePicker(label);
            Times.isoDays(picker);
            return picker;
        }
    }
}
