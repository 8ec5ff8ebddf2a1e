package com.verdict.leaderboard;

import java.time.Duration;
import java.time.Instant;

/** A contest: a board of its own between two instants, frozen when it ends. */
public record Season(long id, String title, String prize, Instant startsAt, Instant endsAt, Instant frozenAt) {

    public boolean runningAt(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    public Duration timeLeft(Instant now) {
        return now.isBefore(endsAt) ? Duration.between(now, endsAt) : Duration.ZERO;
    }
}
