package com.verdict.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class VerdictPropertiesTests {

    @Test
    void judgingScoringAndPointsHaveTheirDefaults() {
        VerdictProperties properties = bind(new MapConfigurationPropertySource());

        assertThat(properties.judging().maxJudgmentsPerPair()).isEqualTo(5);
        assertThat(properties.judging().dailyCap()).isEqualTo(500);
        assertThat(properties.scoring().settleConfidence()).isEqualTo(0.8);
        assertThat(properties.scoring().flagBelow()).isEqualTo(0.6);
        assertThat(properties.scoring().refitInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.points()).isEqualTo(new VerdictProperties.Points(1, 2, 2, 1, 5, 5));
    }

    @Test
    void aPairMayNotBeCappedBelowTheJudgmentsItNeedsToSettle() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("verdict.judging.judgments-per-pair", "4");
        source.put("verdict.judging.max-judgments-per-pair", "3");

        assertThatThrownBy(() -> bind(source)).hasStackTraceContaining(
                "verdict.judging.max-judgments-per-pair (3) must not be below verdict.judging.judgments-per-pair (4)");
    }

    @Test
    void aNegativeRefitIntervalIsRefused() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("verdict.scoring.refit-interval", "-1m");

        assertThatThrownBy(() -> bind(source)).hasStackTraceContaining("refit-interval must not be negative");
    }

    /** Binds these settings beside the one setting without a default, the export's judge-id key. */
    private static VerdictProperties bind(MapConfigurationPropertySource source) {
        source.put("verdict.export.judge-id-key", "a-test-key-of-at-least-16-characters");
        return new Binder(source).bindOrCreate("verdict", VerdictProperties.class);
    }
}
