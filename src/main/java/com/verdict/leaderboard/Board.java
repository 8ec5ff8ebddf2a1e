package com.verdict.leaderboard;

import java.util.ArrayList;
import java.util.List;

/** The top of a board, and the viewer's own row, wherever they stand. */
public record Board(List<LeaderboardRow> top, LeaderboardRow me) {

    /** The top rows, and the viewer's row after them when it is not among them. */
    public List<LeaderboardRow> rowsWithMe() {
        if (top.stream().anyMatch(r -> r.username().equals(me.username()))) {
            return top;
        }
        List<LeaderboardRow> rows = new ArrayList<>(top);
        rows.add(me);
        return rows;
    }
}
