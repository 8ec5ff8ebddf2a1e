package com.verdict.leaderboard;

import com.verdict.people.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LeaderboardApiController {

    private final LeaderboardService leaderboards;
    private final CurrentUser currentUser;

    LeaderboardApiController(LeaderboardService leaderboards, CurrentUser currentUser) {
        this.leaderboards = leaderboards;
        this.currentUser = currentUser;
    }

    /** The all-time top rows, with the caller's own row after them when it is not among them. */
    @GetMapping("/api/leaderboard")
    List<LeaderboardRow> leaderboard() {
        return leaderboards.allTime(currentUser.id()).rowsWithMe();
    }
}
