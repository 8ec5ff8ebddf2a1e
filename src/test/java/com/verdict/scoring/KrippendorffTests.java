package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KrippendorffTests {

    @Test
    void perfectAgreementIsOne() {
        Krippendorff alpha = new Krippendorff();
        alpha.add(new int[] {3, 0, 0, 0});
        alpha.add(new int[] {0, 2, 0, 0});

        assertThat(alpha.alpha()).isEqualTo(1.0);
        assertThat(alpha.units()).isEqualTo(2);
        assertThat(alpha.values()).isEqualTo(5);
    }

    @Test
    void matchesAHandComputedExample() {
        // Units (A, A, B) and (B, B): coincidences o_AA = 1, o_AB = o_BA = 1, o_BB = 2, so n_A = 2, n_B = 3,
        // n = 5, and alpha = 1 - (n - 1) (o_AB + o_BA) / (n_A n_B + n_B n_A) = 1 - 4 · 2 / 12 = 1/3.
        Krippendorff alpha = new Krippendorff();
        alpha.add(new int[] {2, 1, 0, 0});
        alpha.add(new int[] {0, 2, 0, 0});

        assertThat(alpha.alpha()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void systematicDisagreementIsBelowZeroAndSingleVotesAreLeftOut() {
        Krippendorff alpha = new Krippendorff();
        alpha.add(new int[] {1, 1, 0, 0});
        alpha.add(new int[] {0, 1, 1, 0});
        alpha.add(new int[] {0, 0, 0, 1});

        assertThat(alpha.alpha()).isNegative();
        assertThat(alpha.units()).isEqualTo(2);
    }

    @Test
    void nothingToCompareIsNull() {
        Krippendorff alpha = new Krippendorff();
        assertThat(alpha.alpha()).isNull();
        alpha.add(new int[] {2, 0, 0, 0});
        assertThat(alpha.alpha()).isNull();
    }
}
