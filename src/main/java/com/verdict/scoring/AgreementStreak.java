package com.verdict.scoring;

import java.time.Instant;

/**
 * Published inside the transaction that scores a judge's votes as their pairs settle, when any of them agreed
 * with the consensus and earned its bonus (not too fast, judge not flagged): {@code longest} is the longest run of
 * agreements in a row (in settle order) that the judge reached at such a vote, counting on from their run before.
 */
public record AgreementStreak(long judgeId, int longest, Instant at) {
}
