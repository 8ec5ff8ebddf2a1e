package com.verdict.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.Words;
import com.verdict.base.ui.FlagNotice;
import com.verdict.base.ui.Stat;
import com.verdict.people.CurrentUser;
import com.verdict.scoring.MyStats;
import com.verdict.scoring.PointsKind;
import com.verdict.scoring.ScoringService;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;

/** A judge's own score: where every point came from, how well they agree with the consensus, and the rules. */
@Route("me")
@PageTitle("My stats · Verdict")
@Menu(order = 5, icon = "vaadin:chart", title = "My stats")
@PermitAll
public class MyStatsView extends Div {

    /** One line of the breakdown: a kind of points, what earns it, and the judge's total of it. */
    record Line(String kind, String earnedFor, long points) {
    }

    public MyStatsView(ScoringService scoring, CurrentUser currentUser) {
        addClassNames("verdict-page", "verdict-my-stats");
        MyStats stats = scoring.myStats(currentUser.id());
        add(new H1("My stats"));
        if (stats.flagReason() != null) {
            add(FlagNotice.of(stats.flagReason()));
        }
        add(figures(stats), agreement(stats), new H3("Points by kind"), breakdown(stats),
                new H3("How points are earned"), formula(scoring.pointsFormula()));
    }

    private static Component figures(MyStats stats) {
        Div figures = new Div(new Stat(Long.toString(stats.points()), "points"),
                new Stat(Long.toString(stats.judgments()), "judgments"),
                new Stat(Words.percent(stats.agreement()), "agreed with the consensus as pairs settled"),
                new Stat(Words.percent(stats.goldAccuracy()), "gold pairs right"),
                new Stat(Integer.toString(stats.streak()), "agreements in a row"));
        figures.addClassName("verdict-stats");
        return figures;
    }

    private static Component agreement(MyStats stats) {
        Div sentences = new Div();
        sentences.addClassName("verdict-card");
        sentences.add(new Paragraph(agreementSentence(stats)));
        if (stats.goldJudgments() > 0) {
            sentences.add(new Paragraph(goldSentence(stats)));
        }
        if (stats.tooFast() > 0) {
            sentences.add(new Paragraph(tooFastSentence(stats)));
        }
        return sentences;
    }

    /** "12 of your 46 judgments were too quick to earn points." */
    static String tooFastSentence(MyStats stats) {
        if (stats.tooFast() == stats.judgments()) {
            return stats.judgments() == 1 ? "Your judgment was too quick to earn points."
                    : "All " + stats.judgments() + " of your judgments were too quick to earn points.";
        }
        return stats.tooFast() + " of your " + Words.count(stats.judgments(), "judgment")
                + (stats.tooFast() == 1 ? " was" : " were") + " too quick to earn points.";
    }

    /** "You matched 3 of the 4 gold pairs you judged." */
    static String goldSentence(MyStats stats) {
        if (stats.goldJudgments() == 1) {
            return stats.goldMatched() == 1 ? "You matched the one gold pair you judged."
                    : "You missed the one gold pair you judged.";
        }
        return "You matched %d of the %d gold pairs you judged.".formatted(stats.goldMatched(), stats.goldJudgments());
    }

    /** "7 of your last 10 settled pairs matched the consensus." */
    static String agreementSentence(MyStats stats) {
        int settled = stats.recentSettled();
        if (settled == 0) {
            return "None of the pairs you judged has settled yet: consensus bonuses arrive as they settle.";
        }
        if (settled == 1) {
            return stats.recentAgreed() == 1 ? "Your one settled pair matched the consensus."
                    : "Your one settled pair did not match the consensus.";
        }
        String which = settled < ScoringService.RECENT_SETTLED ? "your " + settled : "your last " + settled;
        return "%d of %s settled pairs matched the consensus.".formatted(stats.recentAgreed(), which);
    }

    private static Grid<Line> breakdown(MyStats stats) {
        Grid<Line> grid = new Grid<>(Line.class, false);
        grid.addColumn(Line::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Line::earnedFor).setHeader("Earned for").setFlexGrow(1);
        grid.addColumn(Line::points).setHeader("Points").setAutoWidth(true).setFlexGrow(0);
        // On a phone the "earned for" texts would be cut off: they wrap instead.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(Arrays.stream(PointsKind.values())
                .map(kind -> new Line(kind.label(), earnedFor(kind), stats.breakdown().getOrDefault(kind, 0L)))
                .toList());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component formula(List<String> rules) {
        UnorderedList list = new UnorderedList();
        rules.forEach(rule -> list.add(new ListItem(rule)));
        return list;
    }

    private static String earnedFor(PointsKind kind) {
        return switch (kind) {
            case BASE -> "Judgments made in at least the minimum reading time";
            case CONSENSUS -> "Pairs that settled the way you judged them";
            case GOLD -> "Gold pairs matched, less those missed";
            case STREAK -> "Runs of agreements with the consensus";
        };
    }
}
