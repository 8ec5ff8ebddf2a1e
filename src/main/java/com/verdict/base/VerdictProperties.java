package com.verdict.base;

import jakarta.validation.Valid;
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
        @Valid @DefaultValue Export export) {

    /** Demo accounts and interactions, created on an empty database. */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public record Rounds(@Min(1) @Max(100) @DefaultValue("10") int size) {
    }

    public record Judging(
            @Min(1) @Max(50) @DefaultValue("3") int judgmentsPerPair,
            @NotNull @DefaultValue("3s") Duration minReadingTime) {

        public Judging {
            if (minReadingTime != null && minReadingTime.isNegative()) {
                throw new IllegalArgumentException("verdict.judging.min-reading-time must not be negative");
            }
        }
    }

    public record Catalog(@Min(1) @Max(1_000_000) @DefaultValue("20000") int maxTextChars) {
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
}
