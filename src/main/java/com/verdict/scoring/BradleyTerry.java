package com.verdict.scoring;

/**
 * Bradley–Terry strengths from pairwise results: item i beats item j with probability s_i / (s_i + s_j).
 * Fitted with Hunter's (2004) minorise–maximise updates. Each item also plays one virtual tie against a
 * fixed average item, so that an item that never lost (or never won) still gets a finite strength and items
 * never compared with each other stay comparable.
 */
final class BradleyTerry {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-10;

    private BradleyTerry() {
    }

    /**
     * Log-strengths, centred on 0, of {@code n} items from {@code wins[i * n + j]}: how often i beat j, with a
     * tie counted as half a win to each.
     */
    static double[] fit(int n, double[] wins) {
        double[] strength = new double[n];
        java.util.Arrays.fill(strength, 1);
        double[] won = new double[n];
        for (int i = 0; i < n; i++) {
            won[i] = 0.5;
            for (int j = 0; j < n; j++) {
                won[i] += wins[i * n + j];
            }
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double denominator = 1 / (strength[i] + 1);
                for (int j = 0; j < n; j++) {
                    double games = wins[i * n + j] + wins[j * n + i];
                    if (games > 0) {
                        denominator += games / (strength[i] + strength[j]);
                    }
                }
                double updated = won[i] / denominator;
                change = Math.max(change, Math.abs(Math.log(updated / strength[i])));
                strength[i] = updated;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] log = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            log[i] = Math.log(strength[i]);
            mean += log[i] / n;
        }
        for (int i = 0; i < n; i++) {
            log[i] -= mean;
        }
        return log;
    }
}
