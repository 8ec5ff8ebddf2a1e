package com.verdict.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.Words;
import com.verdict.base.ui.Times;
import com.verdict.base.ui.RowNotes;
import com.verdict.catalog.Category;
import com.verdict.people.CurrentUser;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.Agreement;
import com.verdict.scoring.JudgeQuality;
import com.verdict.scoring.ScoringService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * How reliable the judges are, as the last refit saw them: flagged judges first with the reason, then every
 * judge's accuracy, gold accuracy, position bias, speed and agreement; and agreement across the dataset.
 */
@Route("judges")
@PageTitle("Judges · Verdict")
@Menu(order = 50, icon = "vaadin:user-check", title = "Judges")
@RolesAllowed({"LEAD", "ADMIN"})
public class JudgesView extends Div {

    public JudgesView(ScoringService scoring, CurrentUser currentUser, Times times) {
        addClassNames("verdict-page", "verdict-judges");
        // When: the figures stand still between refits while the boards move, and looked stale without a date.
        String asOf = scoring.lastRefit().map(r -> " (" + times.formatWithZone(r.fittedAt()) + ")").orElse("");
        Paragraph how = new Paragraph("Estimated from every judgment at the last refit" + asOf + ". A judge whose "
                + "estimated accuracy is below the flag level is flagged: their votes weigh nothing and earn no bonus. "
                + Words.LEFT_BIAS_MEANS);
        how.addClassName("verdict-muted");
        Person viewer = currentUser.person();
        if (!viewer.has(Role.ADMIN)) {
            how.setText("The judges of " + (viewer.team() == null ? "your team (you are in none yet)"
                    : "team " + viewer.team()) + ". " + how.getText());
        }
        add(new H1("Judges"), how, judges(scoring.judgesSeenBy(viewer)), new H3("Agreement (Krippendorff's alpha)"),
                agreement(scoring));
    }

    private static Grid<JudgeQuality> judges(List<JudgeQuality> judges) {
        Grid<JudgeQuality> grid = new Grid<>(JudgeQuality.class, false);
        grid.addComponentColumn(JudgesView::flag).setHeader("Flag").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(JudgeQuality::displayName).setHeader("Judge").setAutoWidth(true).setSortable(true);
        grid.addColumn(j -> j.team() == null ? "—" : j.team()).setHeader("Team").setAutoWidth(true)
                .setSortable(true);
        // Sortable headers get widths of their own: measured widths leave out the sorter's arrows ("Judgme…").
        // Numbers to the right, as on the Team view's list of the same judges.
        grid.addColumn(JudgeQuality::judgments).setHeader("Judgments at refit").setWidth("11em").setFlexGrow(0)
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> Words.percent(j.accuracy())).setHeader("Accuracy").setWidth("8em").setFlexGrow(0)
                .setComparator(JudgeQuality::accuracy).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> Words.gold(j.goldAccuracy(), j.goldJudgments())).setHeader("Gold").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> Words.leftBias(j.leftShare(), j.leftWarranted())).setHeader(Words.LEFT_BIAS_HEADER)
                .setTooltipGenerator(j -> Words.leftShares(j.leftShare(), j.leftWarranted()))
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> Words.percent(j.tooFastShare())).setHeader("Too fast").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> String.format(Locale.ROOT, "%.1f s", j.medianTimeMs() / 1000.0))
                .setHeader("Median time").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(j -> Words.percent(j.agreement())).setHeader("Agreement").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(judges);
        RowNotes.show(grid, judges, j -> j.flagged() ? "Flagged: " + j.flagReason() : null);
        grid.setEmptyStateText("No judge estimated yet: judges appear here at the next refit after they judge.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPartNameGenerator(j -> j.flagged() ? "flagged" : null);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component flag(JudgeQuality judge) {
        if (!judge.flagged()) {
            return new Span();
        }
        Span flag = new Span(VaadinIcon.FLAG.create());
        flag.addClassName("verdict-flag");
        flag.setTitle(judge.flagReason());
        return flag;
    }

    private static Grid<Agreement> agreement(ScoringService scoring) {
        Grid<Agreement> grid = new Grid<>(Agreement.class, false);
        grid.addColumn(a -> switch (a.scope()) {
            case "OVERALL" -> "Overall";
            case "CATEGORY" -> "Category";
            default -> "Team";
        }).setHeader("Scope").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> "CATEGORY".equals(a.scope())
                ? Category.fromKey(a.name()).map(Category::label).orElse(a.name()) : a.name())
                .setHeader("Name").setAutoWidth(true);
        grid.addColumn(a -> a.alpha() == null ? "—" : String.format(Locale.ROOT, "%.2f", a.alpha()))
                .setHeader("Alpha").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Agreement::units).setHeader("Pairs").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Agreement::votes).setHeader("Votes").setAutoWidth(true).setFlexGrow(0);
        // A scope with no pair judged twice measures nothing: ten rows of "— 0 0" hid the empty state's reason.
        grid.setItems(scoring.agreement().stream().filter(a -> a.units() > 0).toList());
        grid.setEmptyStateText("No agreement measured yet: it needs pairs judged by two judges or more.");
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("48rem");
        return grid;
    }
}
