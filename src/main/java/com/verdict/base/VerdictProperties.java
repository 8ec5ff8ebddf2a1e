package com.verdict.base;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.util.unit.DataSize;
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
        @Valid @DefaultValue Leaderboard leaderboard,
        @Valid @DefaultValue Dataset dataset,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Backup backup,
        @Valid @DefaultValue Export export,
        @Valid @DefaultValue Scoring scoring,
        @Valid @DefaultValue Points points) {

    /** Demo accounts and interactions, created on an empty database. */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public record Rounds(@Min(1) @Max(100) @DefaultValue("10") int size) {
    }

    /**
     * {@code goldRate}: the share of a judge's assignments that are gold pairs; {@code assignmentTtl}: how long
     * a dealt pair waits for its judgment before its slot goes back to the pool.
     * {@code judgmentsPerPair}: judgments a pair collects before it can settle; {@code maxJudgmentsPerPair}: how
     * many an unsettled pair may collect before it is contested. {@code dailyCap}: judgments a judge may make in
     * a day of the leaderboard zone before no more pairs are dealt to them that day; 0 for no cap.
     */
    public record Judging(
            @Min(1) @Max(50) @DefaultValue("3") int judgmentsPerPair,
            @NotNull @DefaultValue("3s") Duration minReadingTime,
            @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.1") double goldRate,
            @NotNull @DefaultValue("30m") Duration assignmentTtl,
            @Min(1) @Max(50) @DefaultValue("5") int maxJudgmentsPerPair,
            @Min(0) @Max(100_000) @DefaultValue("500") int dailyCap) {

        public Judging {
            if (minReadingTime != null && minReadingTime.isNegative()) {
                throw new IllegalArgumentException("verdict.judging.min-reading-time must not be negative");
            }
            if (assignmentTtl != null && assignmentTtl.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("verdict.judging.assignment-ttl must be at least 1m");
            }
            if (maxJudgmentsPerPair < judgmentsPerPair) {
                throw new IllegalArgumentException("verdict.judging.max-judgments-per-pair (" + maxJudgmentsPerPair
                        + ") must not be below verdict.judging.judgments-per-pair (" + judgmentsPerPair + ")");
            }
        }
    }

    /**
     * Import limits: {@code maxTextChars} for each text, {@code maxResponses} a line (n responses make
     * n(n-1)/2 pairs), {@code maxUploadSize} for a file uploaded in the Import view.
     */
    public record Catalog(
            @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxTextChars,
            @Min(2) @Max(20) @DefaultValue("10") int maxResponses,
            @NotNull @DefaultValue("256MB") DataSize maxUploadSize) {

        public Catalog {
            if (maxUploadSize != null && (maxUploadSize.toMegabytes() < 1 || maxUploadSize.toGigabytes() >= 2)) {
                throw new IllegalArgumentException("verdict.catalog.max-upload-size must be from 1MB to under 2GB");
            }
        }
    }

    /**
     * Boards count days, weeks (ISO, from Monday) and months in this time zone. {@code foldInterval}: how often
     * scores waiting for the boards are folded into them (a judgment shows on the boards that much later, and
     * a judge's board rows are written once per interval however often they judge); 0 writes the board rows in
     * each judgment's own transaction.
     */
    public record Leaderboard(
            @NotNull @DefaultValue("UTC") ZoneId zone,
            @NotNull @DefaultValue("2s") Duration foldInterval) {

        public Leaderboard {
            if (foldInterval != null && (foldInterval.isNegative() || foldInterval.compareTo(Duration.ofMinutes(1)) > 0)) {
                throw new IllegalArgumentException("verdict.leaderboard.fold-interval must be from 0s to 1m");
            }
        }
    }

    /**
     * How many decided interactions the dataset should have per category ({@code open_qa: 2000}, …), shown
     * to leads against what is decided. Keys are checked against the categories when the app starts.
     */
    public record Dataset(@NotNull @DefaultValue Map<String, @Min(0) Integer> targets) {
    }

    /**
     * After {@code maxFailedLogins} failed sign-ins in a row, an account is locked for {@code lockout}; a
     * success resets the count.
     */
    public record Security(
            @Min(1) @Max(100) @DefaultValue("5") int maxFailedLogins,
            @NotNull @DefaultValue("15m") Duration lockout) {
    }

    /** Where online backups of the embedded H2 database are written. */
    public record Backup(@NotBlank @DefaultValue("./data/backups") String directory) {
    }

    /** {@code judgeIdKey}: the HMAC key of the judge pseudonyms in the raw-judgments export. */
    public record Export(String judgeIdKey) {

        public static final int MIN_KEY_CHARS = 16;

        public Export {
            if (judgeIdKey == null || judgeIdKey.strip().length() < MIN_KEY_CHARS) {
                throw new IllegalArgumentException("verdict.export.judge-id-key must be set, to a secret of at least "
                        + MIN_KEY_CHARS + " characters (see config/application.yml)");
            }
        }

        @Override
        public String toString() {
            return "Export[judgeIdKey=(secret)]";
        }
    }

    /**
     * Consensus and judge reliability: a pair settles at {@code settleConfidence}; a judge with at least
     * {@code flagAfter} judgments whose estimated accuracy is below {@code flagBelow} is flagged; a full refit
     * runs every {@code refitInterval} (0 = never on a schedule, only on demand).
     */
    public record Scoring(
            @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double settleConfidence,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double flagBelow,
            @Min(1) @Max(10_000) @DefaultValue("10") int flagAfter,
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
