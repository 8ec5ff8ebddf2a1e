package com.verdict.scoring;

/**
 * Krippendorff's alpha for nominal values (the four outcomes in candidate terms), gathered unit by unit: a unit
 * is one pair, its values the verdicts it got. 1 is perfect agreement, 0 what chance gives, below 0 systematic
 * disagreement. Units with a single vote cannot be compared and are left out.
 */
final class Krippendorff {

    private static final int K = Outcomes.COUNT;

    private final double[] coincidences = new double[K * K];
    private int units;
    private long values;

    /** Adds one unit: {@code counts[c]} votes gave value c. */
    void add(int[] counts) {
        int m = 0;
        for (int c = 0; c < K; c++) {
            m += counts[c];
        }
        if (m < 2) {
            return;
        }
        units++;
        values += m;
        for (int c = 0; c < K; c++) {
            for (int k = 0; k < K; k++) {
                double pairsOfValues = c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k];
                coincidences[c * K + k] += pairsOfValues / (m - 1);
            }
        }
    }

    int units() {
        return units;
    }

    long values() {
        return values;
    }

    /** Null when there is nothing to compare, or when only one value was ever given (no disagreement to expect). */
    Double alpha() {
        double[] marginal = new double[K];
        double n = 0;
        for (int c = 0; c < K; c++) {
            for (int k = 0; k < K; k++) {
                marginal[c] += coincidences[c * K + k];
            }
            n += marginal[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < K; c++) {
            for (int k = 0; k < K; k++) {
                if (c != k) {
                    observed += coincidences[c * K + k];
                    expected += marginal[c] * marginal[k];
                }
            }
        }
        if (units == 0 || expected == 0) {
            return null;
        }
        return 1 - (n - 1) * observed / expected;
    }
}
