package com.verdict.base;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of Verdict's own, under {@code verdict.}; validated at startup so that a bad value
 * stops the app with a message naming the setting.
 */
@Validated
@ConfigurationProperties("verdict")
public record VerdictProperties(
        @Valid @DefaultValue Demo demo,
        @Valid @DefaultValue Rounds rounds,
        @Valid @DefaultValue Judging judging,
        @Valid @DefaultValue Catalog catalog,
        @Valid @DefaultValue Scoring scoring,
        @Valid @DefaultValue Points points) {

    /** Demo accounts and interactions, created on an empty database. */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public record Rounds(@Min(1) @Max(100) @DefaultValue("10") int size) {
    }

    /**
     * {@code judgmentsPerPair}: judgments a pair collects before it can settle; {@code maxJudgmentsPerPair}: how
     * many an unsettled pair may collect before it is contested.
     */
    public record Judging(
            @Min(1) @Max(50) @DefaultValue("3") int judgmentsPerPair,
            @NotNull @DefaultValue("3s") Duration minReadingTime,
            @Min(1) @Max(50) @DefaultValue("5") int maxJudgmentsPerPair) {

        public Judging {
            if (minReadingTime != null && minReadingTime.isNegative()) {
                throw new IllegalArgumentException("verdict.judging.min-reading-time must not be negative");
            }
            if (maxJudgmentsPerPair < judgmentsPerPair) {
                throw new IllegalArgumentException("verdict.judging.max-judgments-per-pair (" + maxJudgmentsPerPair
                        + ") must not be below verdict.judging.judgments-per-pair (" + judgmentsPerPair + ")");
            }
        }
    }

    public record Catalog(@Min(1) @Max(1_000_000) @DefaultValue("20000") int maxTextChars) {
    }

    /**
     * Consensus and judge reliability: a pair settles at {@code settleConfidence}; a judge whose estimated
     * accuracy is below {@code flagBelow} is flagged; a full refit runs every {@code refitInterval} (0 = never
     * on a schedule, only on demand).
     */
    public record Scoring(
            @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double settleConfidence,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double flagBelow,
            @NotNull @DefaultValue("10m") Duration refitInterval) {

        public Scoring {
            if (refitInterval != null && refitInterval.isNegative()) {
                throw new IllegalArgumentException("verdict.scoring.refit-interval must not be negative");
            }
        }
    }

    /**
     * Points per award: {@code base} for a judgment made in at least the minimum reading time,
     * {@code consensus} when a pair the judge voted on settles their way, {@code goldBonus} and
     * {@code goldPenalty} for matching or missing a gold pair, {@code streakBonus} for every
     * {@code streakLength} agreements in a row.
     */
    public record Points(
            @Min(0) @Max(1000) @DefaultValue("1") int base,
            @Min(0) @Max(1000) @DefaultValue("2") int consensus,
            @Min(0) @Max(1000) @DefaultValue("2") int goldBonus,
            @Min(0) @Max(1000) @DefaultValue("1") int goldPenalty,
            @Min(0) @Max(1000) @DefaultValue("5") int streakBonus,
            @Min(2) @Max(1000) @DefaultValue("5") int streakLength) {
    }
}
