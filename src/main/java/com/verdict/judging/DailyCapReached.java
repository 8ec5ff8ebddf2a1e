package com.verdict.judging;

import com.verdict.base.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * No pair is dealt: the judge made {@code verdict.judging.daily-cap} judgments today. A 429 that says when
 * dealing resumes (midnight in the leaderboard zone).
 */
public class DailyCapReached extends ApiException {

    private final int cap;
    private final Instant resetsAt;

    DailyCapReached(int cap, Instant resetsAt) {
        super(HttpStatus.TOO_MANY_REQUESTS, "You have reached today's cap of " + cap + " judgments; new pairs are "
                + "dealt again from " + resetsAt, List.of("dailyCap: " + cap, "resetsAt: " + resetsAt));
        this.cap = cap;
        this.resetsAt = resetsAt;
    }

    public int cap() {
        return cap;
    }

    public Instant resetsAt() {
        return resetsAt;
    }
}
