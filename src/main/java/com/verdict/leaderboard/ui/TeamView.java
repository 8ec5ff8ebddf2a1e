package com.verdict.leaderboard.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.Words;
import com.verdict.base.ui.Chart;
import com.verdict.base.ui.RowNotes;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.leaderboard.MemberRow;
import com.verdict.leaderboard.TeamActivity;
import com.verdict.people.CurrentUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** A team at a glance for its lead (admins pick any team): members, activity, and the dataset's coverage. */
@Route("team")
@PageTitle("Team · Verdict")
@Menu(order = 20, icon = "vaadin:users", title = "Team")
@RolesAllowed({"LEAD", "ADMIN"})
public class TeamView extends Div {

    private final LeaderboardService leaderboards;
    private final Person viewer;
    private final H1 title = new H1();
    private final Grid<MemberRow> members = new Grid<>(MemberRow.class, false);
    private final Chart activity = new Chart("Judgments per day, last 30 days");
    private final Chart agreement = new Chart("Agreement with the consensus as pairs settled, per day, last 30 days");
    private final Chart coverage = new Chart("Decided interactions per category");
    private final Paragraph empty = new Paragraph();
    private final Paragraph asOfRefit = new Paragraph("Judged and points are live. Agreement (with the consensus as "
            + "it stands now), gold, left bias and median time are as the last scoring refit estimated them; the chart "
            + "below counts agreement as each pair settled, as a judge's My stats does. " + Words.LEFT_BIAS_MEANS);

    public TeamView(LeaderboardService leaderboards, PeopleService people, CurrentUser currentUser) {
        this.leaderboards = leaderboards;
        this.viewer = currentUser.person();
        addClassNames("verdict-page", "verdict-team");
        configureMembers();
        activity.setEmptyText("No judgments in the last 30 days");
        agreement.setEmptyText("None of the team's pairs settled in the last 30 days");
        Div charts = new Div(activity, agreement, coverage);
        charts.addClassName("verdict-charts");
        empty.addClassName("verdict-muted");
        // Two clocks on one page: say which figures move with each judgment and which with each refit.
        asOfRefit.addClassName("verdict-muted");
        add(title);
        if (viewer.has(Role.ADMIN)) {
            ComboBox<String> team = new ComboBox<>("Team");
            team.setItems(people.teams().stream().map(PeopleService.TeamSummary::name).toList());
            team.addValueChangeListener(e -> show(e.getValue()));
            add(team);
            team.setValue(viewer.team() != null ? viewer.team()
                    : people.teams().stream().map(PeopleService.TeamSummary::name).findFirst().orElse(null));
        }
        add(empty, members, asOfRefit, charts);
        if (!viewer.has(Role.ADMIN)) {
            show(viewer.team());
        }
    }

    private void configureMembers() {
        members.addColumn(m -> m.displayName() + (m.hidden() ? " (hidden from boards)" : "")).setHeader("Member")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        // Sortable headers get widths of their own: measured widths leave out the sorter's arrows on a phone.
        members.addColumn(MemberRow::judgments).setHeader("Judged").setSortable(true).setWidth("7.5em")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        members.addColumn(MemberRow::points).setHeader("Points").setSortable(true).setWidth("7.5em")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        members.addColumn(MemberRow::weekPoints).setHeader("This week").setSortable(true).setWidth("9em")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        members.addColumn(m -> Words.percent(m.agreement())).setHeader("Agreement").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        members.addColumn(m -> Words.gold(m.goldAccuracy(), m.goldJudgments())).setHeader("Gold").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        members.addColumn(m -> Words.leftBias(m.leftShare(), m.leftWarranted())).setHeader(Words.LEFT_BIAS_HEADER)
                .setTooltipGenerator(m -> Words.leftShares(m.leftShare(), m.leftWarranted()))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        members.addColumn(m -> m.medianTimeMs() == null ? "—" : "%.1f s".formatted(m.medianTimeMs() / 1000.0))
                .setHeader("Median time").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.setAllRowsVisible(true);
    }


    void show(String team) {
        boolean hasTeam = team != null;
        members.setVisible(hasTeam);
        asOfRefit.setVisible(hasTeam);
        activity.setVisible(hasTeam);
        agreement.setVisible(hasTeam);
        coverage.setVisible(hasTeam);
        empty.setVisible(!hasTeam);
        if (!hasTeam) {
            title.setText("Team");
            empty.setText(viewer.has(Role.ADMIN) ? "There are no teams yet: add one in Admin."
                    : "You are not in a team yet: ask an admin to add you to one.");
            return;
        }
        TeamActivity data = leaderboards.team(viewer, team);
        title.setText("Team " + data.team());
        members.setItems(data.members());
        RowNotes.show(members, data.members(), m -> m.flagged() ? "Flagged: " + m.flagReason() : null);
        List<String> days = data.days().stream().map(d -> d.substring(5)).toList();
        activity.show(days, List.of(Chart.Series.bars("Judgments", data.judgmentsPerDay())), null);
        // In whole percent, by the day the pairs settled; a day when none settled is a gap in the line.
        agreement.show(days, List.of(Chart.Series.line("Agreement %", data.agreementPerDay().stream()
                .map(share -> share == null ? null : Math.round(100 * share)).toList())), 100.0);
        coverage.showAcross(data.categories(), Chart.Series.bars("Decided", data.decided()),
                Chart.Series.bars("Target", data.targets()));
    }
}
