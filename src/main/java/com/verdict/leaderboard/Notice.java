package com.verdict.leaderboard;

import java.time.Instant;

/** An in-app announcement, such as the nightly summary. {@code body} is Markdown. */
public record Notice(long id, Instant createdAt, String title, String body) {
}
