package com.verdict.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.verdict.people.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScoringApiController {

    private final ScoringService scoring;
    private final CurrentUser currentUser;

    ScoringApiController(ScoringService scoring, CurrentUser currentUser) {
        this.scoring = scoring;
        this.currentUser = currentUser;
    }

    /** The caller's points, judgments, agreement, gold accuracy (null before any) and points by kind. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(String username, long points, long judgments, Double agreement, Double goldAccuracy,
            Map<String, Long> breakdown) {
    }

    @GetMapping("/api/me")
    Me me() {
        MyStats stats = scoring.myStats(currentUser.id());
        Map<String, Long> breakdown = new LinkedHashMap<>();
        stats.breakdown().forEach((kind, points) -> breakdown.put(kind.name(), points));
        return new Me(stats.username(), stats.points(), stats.judgments(), stats.agreement(), stats.goldAccuracy(),
                breakdown);
    }

    @GetMapping("/api/sources/standings")
    @PreAuthorize("hasAnyRole('ENGINEER', 'LEAD')")
    List<SourceStanding> standings() {
        return scoring.standings();
    }

    @GetMapping("/api/sources/matchups")
    @PreAuthorize("hasAnyRole('ENGINEER', 'LEAD')")
    List<SourceMatchup> matchups() {
        return scoring.matchups();
    }

    @GetMapping("/api/scoring/judges")
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    List<JudgeQuality> judges() {
        return scoring.judgesSeenBy(currentUser.person());
    }

    @GetMapping("/api/scoring/agreement")
    @PreAuthorize("hasAnyRole('LEAD', 'ENGINEER', 'ADMIN')")
    List<Agreement> agreement() {
        return scoring.agreement();
    }

    @PostMapping("/api/admin/scoring/refit")
    @PreAuthorize("hasRole('ADMIN')")
    RefitSummary refit() {
        return scoring.refit();
    }
}
