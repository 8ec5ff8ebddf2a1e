package com.verdict.leaderboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.leaderboard.Board;
import com.verdict.leaderboard.LeaderboardRow;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.people.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The all-time board: the top judges, and the viewer's own row wherever they stand. */
@Route("leaderboard")
@PageTitle("Leaderboard · Verdict")
@Menu(order = 10, icon = "vaadin:trophy", title = "Leaderboard")
@PermitAll
public class LeaderboardView extends Div {

    public LeaderboardView(LeaderboardService leaderboards, CurrentUser currentUser) {
        addClassNames("verdict-page", "verdict-leaderboard");
        Board board = leaderboards.allTime(currentUser.id());
        Grid<LeaderboardRow> grid = new Grid<>(LeaderboardRow.class, false);
        grid.addColumn(r -> "#" + r.rank()).setHeader("Rank").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LeaderboardRow::displayName).setHeader("Judge").setFlexGrow(1);
        grid.addColumn(r -> r.team() == null ? "—" : r.team()).setHeader("Team").setAutoWidth(true);
        grid.addColumn(LeaderboardRow::points).setHeader("Points").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LeaderboardRow::judgments).setHeader("Judgments").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(board.rowsWithMe());
        grid.setPartNameGenerator(r -> r.username().equals(board.me().username()) ? "me" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        Paragraph how = new Paragraph("Points for careful judgments, for agreeing with the consensus, for gold pairs and "
                + "for streaks: My stats shows how. Your own row is highlighted, wherever you stand.");
        how.addClassName("verdict-muted");
        add(new H2("Leaderboard — all time"), how, grid);
    }
}
