package com.verdict.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.Words;
import com.verdict.scoring.ScoringService;
import com.verdict.scoring.SourceMatchup;
import com.verdict.scoring.SourceStanding;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Which model's responses win: a Bradley–Terry rating per source with its 95% interval drawn as a bar, and the
 * head-to-head record of every two sources.
 */
@Route("standings")
@PageTitle("Standings · Verdict")
@Menu(order = 40, icon = "vaadin:bar-chart-h", title = "Standings")
@RolesAllowed({"ENGINEER", "LEAD"})
public class StandingsView extends Div {

    public StandingsView(ScoringService scoring) {
        addClassNames("verdict-page", "verdict-standings");
        List<SourceStanding> standings = scoring.standings();
        Paragraph how = new Paragraph("Ratings from every decided pair between two sources (ties count half a win "
                + "to each; contested and both-bad pairs are left out). 1000 is the average source; 400 more means "
                + "10 to 1 odds of being preferred. The bar shows the 95% interval.");
        how.addClassName("verdict-muted");
        add(new H1("Model standings"), how);
        if (standings.isEmpty()) {
            add(new Paragraph("No pair between two different sources is decided yet."));
            return;
        }
        add(ratings(standings), new H3("Head to head"), matchups(scoring.matchups()));
    }

    private static Grid<SourceStanding> ratings(List<SourceStanding> standings) {
        double low = standings.stream().mapToDouble(SourceStanding::ciLow).min().orElse(0);
        double high = standings.stream().mapToDouble(SourceStanding::ciHigh).max().orElse(1);
        Grid<SourceStanding> grid = new Grid<>(SourceStanding.class, false);
        grid.addColumn(s -> "#" + (standings.indexOf(s) + 1)).setHeader("Rank").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SourceStanding::source).setHeader("Source").setAutoWidth(true);
        grid.addColumn(s -> Math.round(s.rating())).setHeader("Rating").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Math.round(s.ciLow()) + " – " + Math.round(s.ciHigh())).setHeader("95% interval")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> interval(s, low, high)).setHeader("").setFlexGrow(1);
        grid.addColumn(SourceStanding::wins).setHeader("Won").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SourceStanding::losses).setHeader("Lost").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SourceStanding::ties).setHeader("Tied").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(standings);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The interval as a bar on a common scale, with a mark at the rating. */
    private static Component interval(SourceStanding standing, double low, double high) {
        double span = Math.max(1e-9, high - low);
        Span bar = new Span();
        bar.addClassName("verdict-interval-bar");
        bar.getStyle().set("left", percent((standing.ciLow() - low) / span))
                .set("width", percent((standing.ciHigh() - standing.ciLow()) / span));
        Span mark = new Span();
        mark.addClassName("verdict-interval-mark");
        mark.getStyle().set("left", percent((standing.rating() - low) / span));
        Div track = new Div(bar, mark);
        track.addClassName("verdict-interval");
        return track;
    }

    private static Grid<SourceMatchup> matchups(List<SourceMatchup> matchups) {
        Grid<SourceMatchup> grid = new Grid<>(SourceMatchup.class, false);
        grid.addColumn(SourceMatchup::a).setHeader("Source A").setAutoWidth(true);
        grid.addColumn(SourceMatchup::b).setHeader("Source B").setAutoWidth(true);
        grid.addColumn(SourceMatchup::aWins).setHeader("A won").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SourceMatchup::bWins).setHeader("B won").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SourceMatchup::ties).setHeader("Tied").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> Words.percent(share(m))).setHeader("A's share").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(matchups);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Double share(SourceMatchup m) {
        int games = m.aWins() + m.bWins() + m.ties();
        return games == 0 ? null : (m.aWins() + m.ties() / 2.0) / games;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", Math.max(0, Math.min(1, share)) * 100);
    }
}
