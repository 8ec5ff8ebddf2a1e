package com.verdict.leaderboard;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SeasonApiController {

    private final LeaderboardService leaderboards;

    SeasonApiController(LeaderboardService leaderboards) {
        this.leaderboards = leaderboards;
    }

    @GetMapping("/api/seasons")
    List<Season> seasons() {
        return leaderboards.seasons();
    }

    record NewSeason(String title, String prize, Instant startsAt, Instant endsAt) {
    }

    /** Admins only: the security chain guards /api/admin/**. */
    @PostMapping("/api/admin/seasons")
    @ResponseStatus(HttpStatus.CREATED)
    Season create(@RequestBody NewSeason season) {
        return leaderboards.createSeason(season.title(), season.prize(), season.startsAt(), season.endsAt());
    }

    @GetMapping("/api/notices")
    List<Notice> notices() {
        return leaderboards.notices(10);
    }
}
