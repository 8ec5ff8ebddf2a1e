package com.verdict.judging;

/**
 * After a verdict on a gold pair: whether it {@code matched} the known answer, which side as shown was the
 * {@code expected} better one ({@code LEFT} or {@code RIGHT}), and {@code why}, if the import said (else null).
 */
public record GoldFeedback(boolean matched, Verdict expected, String why) {
}
