package com.verdict.leaderboard;

import com.verdict.people.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TeamApiController {

    private final LeaderboardService leaderboards;
    private final CurrentUser currentUser;

    TeamApiController(LeaderboardService leaderboards, CurrentUser currentUser) {
        this.leaderboards = leaderboards;
        this.currentUser = currentUser;
    }

    /** The team's lead or an admin; anyone else gets a 403. */
    @GetMapping("/api/teams/{team}/members")
    List<MemberRow> members(@PathVariable String team) {
        return leaderboards.team(currentUser.person(), team).members();
    }
}
