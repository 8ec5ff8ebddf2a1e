package com.verdict.leaderboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.verdict.base.VerdictProperties;
import com.verdict.base.Words;
import com.verdict.base.ui.SafeMarkdown;
import com.verdict.base.ui.Times;
import com.verdict.leaderboard.Board;
import com.verdict.leaderboard.BoardUpdates;
import com.verdict.leaderboard.LeaderboardRow;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.leaderboard.Notice;
import com.verdict.leaderboard.Period;
import com.verdict.leaderboard.Season;
import com.verdict.leaderboard.TeamRow;
import com.verdict.people.CurrentUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The boards: judges or teams, by period, with the viewer's own row always shown. Updates live when
 * anyone scores.
 */
@Route("leaderboard")
@PageTitle("Leaderboard · Verdict")
@Menu(order = 10, icon = "vaadin:trophy", title = "Leaderboard")
@PermitAll
public class LeaderboardView extends Div {

    /** A window narrower than this (a phone's) shows only rank, name and points. */
    static final int NARROW_BELOW = 600;
    private final LeaderboardService leaderboards;
    private final VerdictProperties properties;
    private final BoardUpdates updates;
    private final Times times;
    private final Person viewer;

    private final Map<Tab, Period> periods = new LinkedHashMap<>();
    private final Tabs periodTabs = new Tabs();
    private final Tabs kindTabs = new Tabs(new Tab("Judges"), new Tab("Teams"));
    private final ComboBox<String> team = new ComboBox<>();
    private final Checkbox aroundMe = new Checkbox("Around me");
    private final Div seasonBanner = new Div();
    private final Select<Season> seasonPick = new Select<>();
    /** The current season when the picker's seasons were last read, if they were. */
    private Long followedSeason;
    private boolean seasonsRead;
    private final Grid<LeaderboardRow> judges = new Grid<>(LeaderboardRow.class, false);
    private final Grid<TeamRow> teams = new Grid<>(TeamRow.class, false);
    private Registration subscription;
    private Registration resizes;
    /** The columns a narrow window leaves out. */
    private final List<Grid.Column<?>> wideOnly = new ArrayList<>();

    public LeaderboardView(LeaderboardService leaderboards, BoardUpdates updates, PeopleService people,
            CurrentUser currentUser, VerdictProperties properties, Times times) {
        this.leaderboards = leaderboards;
        this.times = times;
        this.properties = properties;
        this.updates = updates;
        this.viewer = currentUser.person();
        addClassNames("verdict-page", "verdict-leaderboard");

        Arrays.stream(Period.values()).forEach(p -> {
            Tab tab = new Tab(p.label());
            periods.put(tab, p);
            periodTabs.add(tab);
        });
        // While a season runs it is the contest everyone plays for: the board opens on it.
        Season season = leaderboards.currentSeason();
        periodTabs.setSelectedIndex((season != null && season.runningAt(Instant.now()) ? Period.SEASON : Period.ALL)
                .ordinal());
        periodTabs.addSelectedChangeListener(e -> refresh());
        kindTabs.addSelectedChangeListener(e -> refresh());
        team.setPlaceholder("All teams");
        // Named for screen readers: the placeholder is no name.
        team.setAriaLabel("Team");
        periodTabs.getElement().setAttribute("aria-label", "Period");
        kindTabs.getElement().setAttribute("aria-label", "Judges or teams");
        // Past seasons stay on show, their final standings frozen; the board opens on the current one.
        seasonPick.setAriaLabel("Season");
        seasonPick.setItemLabelGenerator(this::seasonLabel);
        seasonPick.setEmptySelectionAllowed(false);
        seasonPick.addValueChangeListener(e -> refresh());
        seasonPick.addClassName("verdict-season-pick");
        team.setItems(people.teams().stream().map(PeopleService.TeamSummary::name).toList());
        team.setClearButtonVisible(true);
        team.addValueChangeListener(e -> refresh());
        aroundMe.addValueChangeListener(e -> refresh());
        seasonBanner.addClassName("verdict-season-banner");
        kindTabs.addClassName("verdict-kind-tabs");
        periodTabs.addClassName("verdict-period-tabs");
        judges.addClassName("verdict-judges");
        teams.addClassName("verdict-teams");

        Button formula = new Button("How points work", VaadinIcon.QUESTION_CIRCLE_O.create(), e -> showFormula());
        formula.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div header = new Div(new H1("Leaderboard"), formula);
        header.addClassName("verdict-board-header");
        Div filters = new Div(kindTabs, seasonPick, team, aroundMe);
        filters.addClassName("verdict-board-filters");

        configureJudges();
        configureTeams();
        add(header, seasonBanner, periodTabs, filters, judges, teams);
        leaderboards.notices(1).forEach(this::addNotice);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = updates.subscribe(() -> ui.access(this::refresh));
        ui.getPage().retrieveExtendedClientDetails(details -> fitTo(details.getWindowInnerWidth()));
        resizes = ui.getPage().addBrowserWindowResizeListener(e -> fitTo(e.getWidth()));
    }

    /**
     * On a phone's width the boards keep what they exist for, rank, name and points, where the other columns pushed
     * the points out of sight behind a sideways scroll.
     */
    void fitTo(int windowWidth) {
        boolean wide = windowWidth <= 0 || windowWidth >= NARROW_BELOW;
        wideOnly.forEach(column -> column.setVisible(wide));
        // Short labels fit the five tabs across a phone; long ones scrolled, opening on "s week" with Today hidden.
        periods.forEach((tab, period) -> tab.setLabel(wide ? period.label() : period.shortLabel()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
        }
        if (resizes != null) {
            resizes.remove();
        }
    }

    private void configureJudges() {
        judges.addColumn(r -> "#" + r.rank()).setHeader("Rank").setAutoWidth(true).setFlexGrow(0);
        // Wide enough for a name on a phone, and the points beside it; a phone leaves out the rest.
        judges.addColumn(LeaderboardRow::displayName).setHeader("Judge").setWidth("10em").setFlexGrow(1);
        judges.addColumn(LeaderboardRow::points).setHeader("Points").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        wideOnly.add(judges.addColumn(r -> r.team() == null ? "—" : r.team()).setHeader("Team").setAutoWidth(true));
        wideOnly.add(judges.addColumn(LeaderboardRow::judgments).setHeader("Judgments").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END));
        judges.setPartNameGenerator(r -> r.username().equals(viewer.username()) ? "me" : null);
        judges.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        judges.setAllRowsVisible(true);
    }

    private void configureTeams() {
        teams.addColumn(t -> "#" + t.rank()).setHeader("Rank").setAutoWidth(true).setFlexGrow(0);
        teams.addColumn(TeamRow::team).setHeader("Team").setWidth("8em").setFlexGrow(1);
        teams.addColumn(t -> String.format(Locale.ROOT, "%.1f", t.pointsPerMember()))
                .setHeader("Points per active member").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        wideOnly.add(teams.addColumn(TeamRow::points).setHeader("Points").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END));
        wideOnly.add(teams.addColumn(TeamRow::members).setHeader("Active members").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END));
        // Krippendorff's alpha is no share: 1 is full agreement, 0 what chance gives, below 0 worse than chance.
        Span alpha = new Span("Agreement (α)");
        alpha.setTitle("How much the team's judges agree with each other beyond chance (Krippendorff's alpha): "
                + "1 is full agreement, 0 is what chance gives, below 0 is worse than chance.");
        wideOnly.add(teams.addColumn(t -> t.agreement() == null ? "—"
                        : String.format(Locale.ROOT, "%.2f", t.agreement()))
                .setHeader(alpha).setAutoWidth(true).setTextAlign(ColumnTextAlign.END));
        teams.setPartNameGenerator(t -> t.team().equals(viewer.team()) ? "me" : null);
        teams.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        teams.setAllRowsVisible(true);
    }

    void refresh() {
        Period period = periods.get(periodTabs.getSelectedTab());
        boolean showTeams = kindTabs.getSelectedIndex() == 1;
        Season current = leaderboards.currentSeason();
        followCurrentSeason(current);
        Season picked = period == Period.SEASON ? seasonPick.getValue() : null;
        Season season = picked != null ? picked : current;
        showSeason(season);
        seasonPick.setVisible(period == Period.SEASON && seasonPick.getListDataView().getItemCount() > 1);
        judges.setVisible(!showTeams);
        teams.setVisible(showTeams);
        boolean noSeasonYet = period == Period.SEASON && season == null;
        // Filters of an empty board filter nothing.
        team.setVisible(!showTeams && !noSeasonYet);
        aroundMe.setVisible(!showTeams && !noSeasonYet);
        // "Play a round to be first" would promise a place on a board that no season keeps; only admins start one.
        String noSeason = viewer.has(Role.ADMIN)
                ? "No season is running: start one on the Seasons view." : "No season is running right now.";
        judges.setEmptyStateText(period == Period.SEASON && season == null ? noSeason
                : "No points in this period yet. Play a round to be first!");
        teams.setEmptyStateText(period == Period.SEASON && season == null ? noSeason
                : "No team has scored in this period yet.");
        if (period == Period.SEASON && season == null) {
            judges.setItems();
            teams.setItems();
            return;
        }
        if (showTeams) {
            teams.setItems(picked != null ? leaderboards.seasonTeams(picked.id()) : leaderboards.teams(period));
        } else {
            Board board = picked != null ? leaderboards.seasonBoard(picked.id(), team.getValue(), viewer,
                    aroundMe.getValue()) : leaderboards.board(period, team.getValue(), viewer, aroundMe.getValue());
            judges.setItems(board.rowsWithMe());
        }
    }

    /**
     * Keeps the picker's seasons up to date when the current season changes (a board left open on a wall sees the
     * next season begin), and moves a viewer who was on the current season to the new one; one who picked a past
     * season stays on it.
     */
    private void followCurrentSeason(Season current) {
        Long currentId = current == null ? null : current.id();
        if (seasonsRead && Objects.equals(currentId, followedSeason)) {
            return;
        }
        Season picked = seasonPick.getValue();
        boolean onCurrent = picked == null || Objects.equals(picked.id(), followedSeason);
        seasonsRead = true;
        followedSeason = currentId;
        seasonPick.setItems(leaderboards.begunSeasons());
        if (onCurrent && current != null && !current.startsAt().isAfter(Instant.now())) {
            seasonPick.setValue(current);
        } else if (picked != null) {
            seasonPick.getListDataView().getItems().filter(s -> s.id() == picked.id()).findFirst()
                    .ifPresent(seasonPick::setValue);
        }
    }

    private void addNotice(Notice notice) {
        Details card = new Details(notice.title(), new SafeMarkdown(notice.body()));
        card.addClassName("verdict-notice");
        add(card);
    }

    private void showSeason(Season season) {
        seasonBanner.removeAll();
        seasonBanner.setVisible(season != null);
        if (season == null) {
            return;
        }
        Instant now = Instant.now();
        Span title = new Span(VaadinIcon.FLAG_CHECKERED.create(), new Span(season.title()));
        title.addClassName("verdict-season-title");
        String when = season.runningAt(now) ? "ends in " + human(season.timeLeft(now))
                : now.isBefore(season.startsAt()) ? "starts in " + human(Duration.between(now, season.startsAt()))
                : "ended — final standings are frozen" + leaderboards.winners(season)
                        .map(w -> " · won by " + Words.andList(w.names()) + " with " + Words.count(w.points(), "point")
                                + (w.names().size() > 1 ? " each" : "")).orElse("");
        Span time = new Span(when);
        time.addClassName("verdict-season-time");
        seasonBanner.add(title, time);
        if (!season.prize().isBlank()) {
            Span prize = new Span("Prize: " + season.prize());
            prize.addClassName("verdict-season-prize");
            seasonBanner.add(prize);
        }
    }

    private String seasonLabel(Season season) {
        // The end is exclusive: a season ending at midnight ended with the day before.
        return season.title() + " (" + times.day(season.startsAt()) + " – " + times.day(season.endsAt().minusNanos(1))
                + ")";
    }

    private static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    private void showFormula() {
        Dialog dialog = new Dialog("How points work");
        VerdictProperties.Points points = properties.points();
        dialog.add(new Paragraph("You earn " + Words.count(points.base(), "point") + " for each judgment made "
                        + "with time to read both answers; " + points.consensus() + " more when a pair you judged "
                        + "settles and you agreed with the consensus; " + points.goldBonus() + " for matching a "
                        + "gold pair, whose answer is known (and lose " + points.goldPenalty() + " for missing one); "
                        + "and "
                        + points.streakBonus() + " for every " + points.streakLength() + " agreements in a row. "
                        + "My stats shows your breakdown."),
                new Paragraph("Boards count points earned in the period shown: today, this week (from Monday) and "
                        + "this month in the company's time zone, all time, or the current season."),
                new Paragraph("Teams rank by points per active member — members with more than 0 points in the "
                        + "period — so a small team can beat a big one. A judge's points count for the team they are "
                        + "in now."));
        Button close = new Button("Got it", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }
}
