package com.verdict.leaderboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A board as one viewer sees it: the rows shown (the top, or the viewer's neighbours) and the viewer's
 * own row, wherever they stand; {@code me} is null when the viewer is not on this board (another team's, or one where
 * nobody has points yet). {@code season} is set on season boards.
 */
public record Board(Period period, List<LeaderboardRow> rows, LeaderboardRow me, Season season) {

    /**
     * The rows, and the viewer's row where it stands among them when it is not one of them: after every row with as
     * many points or more (at the end, when the viewer ranks below the rows shown).
     */
    public List<LeaderboardRow> rowsWithMe() {
        if (me == null || rows.stream().anyMatch(r -> r.username().equals(me.username()))) {
            return rows;
        }
        int at = 0;
        while (at < rows.size() && rows.get(at).points() >= me.points()) {
            at++;
        }
        List<LeaderboardRow> all = new ArrayList<>(rows);
        all.add(at, me);
        return all;
    }
}
