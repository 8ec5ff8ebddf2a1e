package com.verdict.leaderboard;

import com.verdict.base.ApiException;
import com.verdict.people.CurrentUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LeaderboardApiController {

    private final LeaderboardService leaderboards;
    private final CurrentUser currentUser;

    LeaderboardApiController(LeaderboardService leaderboards, CurrentUser currentUser) {
        this.leaderboards = leaderboards;
        this.currentUser = currentUser;
    }

    /**
     * A board: the top rows with the caller's own row after them when it is not among them, or with
     * {@code around=me} the caller's neighbours.
     */
    @GetMapping("/api/leaderboard")
    List<LeaderboardRow> leaderboard(@RequestParam(defaultValue = "all") String period,
            @RequestParam(required = false) Long season, @RequestParam(required = false) String team,
            @RequestParam(required = false) String around) {
        if (around != null && !around.equals("me")) {
            throw ApiException.badRequest("Invalid request parameter", List.of("around: only 'me' is supported"));
        }
        String onTeam = team == null || team.isBlank() ? null : team;
        Board board = seasonNamed(period, season)
                ? leaderboards.seasonBoard(season, onTeam, currentUser.person(), around != null)
                : leaderboards.board(Period.fromParam(period), onTeam, currentUser.person(), around != null);
        return board.rowsWithMe();
    }

    @GetMapping("/api/leaderboard/teams")
    List<TeamRow> teams(@RequestParam(defaultValue = "all") String period, @RequestParam(required = false) Long season) {
        return seasonNamed(period, season) ? leaderboards.seasonTeams(season)
                : leaderboards.teams(Period.fromParam(period));
    }

    /** Whether a season is named ({@code period=season&season=<id>}, from {@code GET /api/seasons}). */
    private static boolean seasonNamed(String period, Long season) {
        if (season == null) {
            return false;
        }
        if (Period.fromParam(period) != Period.SEASON) {
            throw ApiException.badRequest("Invalid request parameter",
                    List.of("season: names a season's board, so only with period=season, not '" + period + "'"));
        }
        return true;
    }

    record Preferences(Boolean showOnLeaderboard) {
    }

    @PutMapping("/api/me/preferences")
    ResponseEntity<Preferences> preferences(@RequestBody Preferences preferences) {
        if (preferences.showOnLeaderboard() == null) {
            throw ApiException.badRequest("Invalid preferences", List.of("showOnLeaderboard: is required (true or false)"));
        }
        long me = currentUser.id();
        leaderboards.showOnLeaderboard(me, preferences.showOnLeaderboard());
        return ResponseEntity.ok(new Preferences(leaderboards.showsOnLeaderboard(me)));
    }
}
