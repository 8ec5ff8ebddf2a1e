package com.verdict.leaderboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A board as one viewer sees it: the rows shown (the top, or the viewer's neighbours) and the viewer's
 * own row, wherever they stand. {@code season} is set on season boards.
 */
public record Board(Period period, List<LeaderboardRow> rows, LeaderboardRow me, Season season) {

    /** The rows, and the viewer's row after them when it is not among them. */
    public List<LeaderboardRow> rowsWithMe() {
        if (rows.stream().anyMatch(r -> r.username().equals(me.username()))) {
            return rows;
        }
        List<LeaderboardRow> all = new ArrayList<>(rows);
        all.add(me);
        return all;
    }
}
