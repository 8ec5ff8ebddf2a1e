package com.verdict.scoring;

import java.util.Arrays;

/**
 * The consensus model: Dawid and Skene's (1979) latent-class model fitted by expectation–maximisation. Every
 * pair has an unknown true outcome (in candidate terms); every judge has a confusion matrix, the probability of
 * each verdict given the truth, both <em>as the judge saw the pair</em> (left, right, tie, both bad). Because the
 * left side is chosen at random for each assignment, a judge who always presses left has the same row for "left
 * is better" as for "right is better": their verdicts carry no evidence and the model gives them no weight.
 * Gold pairs have their known answer fixed. Everything runs on primitive arrays, linear in the votes per round.
 */
final class DawidSkene {

    /**
     * Pseudo-counts of each confusion row: a judge the model knows little about is taken to be right 70% of the
     * time and to err evenly, which is also how every judge starts and how a judge new since the last refit is
     * weighed.
     */
    static final double PRIOR_RIGHT = 1.4;
    static final double PRIOR_WRONG = 0.2;
    /** How often each outcome is the truth before any vote, until a fit has measured it. */
    static final double[] DEFAULT_CLASS_PRIOR = {0.4, 0.4, 0.1, 0.1};
    /** Rounds of fitting with new flags, and iterations in a round at most. */
    static final int MAX_ROUNDS = 3;
    static final int MAX_ITERATIONS = 50;
    /** A round ends once posteriors move less than this on average in an iteration. */
    static final double TOLERANCE = 1e-4;

    private static final int K = Outcomes.COUNT;
    private static final int CELLS = K * K;

    private DawidSkene() {
    }

    /** A fitted model: per pair 4 posteriors, per judge 16 confusion cells (row = truth as shown). */
    record Fit(double[] classPrior, double[] posterior, double[] confusion, double[] accuracy, boolean[] flagged,
            int iterations) {

        int decision(int pair) {
            return argMax(posterior, pair * K);
        }

        double confidence(int pair) {
            return posterior[pair * K + decision(pair)];
        }
    }

    /** The confusion matrix of a judge the model knows nothing about. */
    static double[] priorConfusion() {
        double[] confusion = new double[CELLS];
        double total = PRIOR_RIGHT + (K - 1) * PRIOR_WRONG;
        for (int s = 0; s < K; s++) {
            for (int o = 0; o < K; o++) {
                confusion[s * K + o] = (s == o ? PRIOR_RIGHT : PRIOR_WRONG) / total;
            }
        }
        return confusion;
    }

    /**
     * Fits the model. Judges whose estimated accuracy falls below {@code flagBelow} are flagged and their votes
     * left out; since leaving them out moves the estimates, the fit runs again with the new flags, a few rounds
     * at most, until the flags hold.
     */
    static Fit fit(Crowd crowd, double flagBelow) {
        int judges = crowd.judges;
        double[] classPrior = DEFAULT_CLASS_PRIOR.clone();
        double[] confusion = new double[judges * CELLS];
        double[] prior = priorConfusion();
        for (int j = 0; j < judges; j++) {
            System.arraycopy(prior, 0, confusion, j * CELLS, CELLS);
        }
        double[] posterior = new double[crowd.pairs * K];
        double[] accuracy = new double[judges];
        boolean[] ignored = new boolean[judges];
        boolean[] flagged = new boolean[judges];
        int iterations = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int inRound = 0;
            double moved;
            do {
                moved = iterate(crowd, classPrior, confusion, ignored, posterior);
                iterations++;
                inRound++;
            } while (moved > TOLERANCE && inRound < MAX_ITERATIONS);
            for (int j = 0; j < judges; j++) {
                accuracy[j] = accuracy(confusion, j * CELLS, classPrior);
                flagged[j] = accuracy[j] < flagBelow;
            }
            if (Arrays.equals(flagged, ignored)) {
                break;
            }
            ignored = flagged.clone();
        }
        return new Fit(classPrior, posterior, confusion, accuracy, flagged, iterations);
    }

    /**
     * One round of expectation–maximisation: every pair's posterior from the current confusion matrices, then
     * the matrices and the class prior from the posteriors. Returns the mean change of a posterior.
     */
    private static double iterate(Crowd crowd, double[] classPrior, double[] confusion, boolean[] ignored,
            double[] posterior) {
        double[] logConfusion = new double[confusion.length];
        double[] logPrior = new double[K];
        logInto(confusion, logConfusion);
        logInto(classPrior, logPrior);
        double[] scratch = new double[K];
        double moved = 0;
        for (int p = 0; p < crowd.pairs; p++) {
            posterior(crowd, p, logPrior, logConfusion, ignored, scratch);
            for (int t = 0; t < K; t++) {
                moved += Math.abs(scratch[t] - posterior[p * K + t]);
                posterior[p * K + t] = scratch[t];
            }
        }
        mStep(crowd, posterior, confusion, classPrior);
        return crowd.pairs == 0 ? 0 : moved / (crowd.pairs * K);
    }

    /**
     * The posterior of each true outcome of one pair, given the judges' confusion matrices (log), skipping the
     * votes of {@code ignored} judges. The fit and every single judgment use this same step.
     */
    static void posterior(Crowd crowd, int pair, double[] logPrior, double[] logConfusion, boolean[] ignored,
            double[] out) {
        int gold = crowd.gold[pair];
        if (gold >= 0) {
            Arrays.fill(out, 0);
            out[gold] = 1;
            return;
        }
        System.arraycopy(logPrior, 0, out, 0, K);
        for (int v = crowd.start[pair]; v < crowd.start[pair + 1]; v++) {
            int j = crowd.judge[v];
            if (ignored[j]) {
                continue;
            }
            int row = j * CELLS + crowd.said[v];
            boolean aLeft = crowd.aShownLeft[v];
            for (int t = 0; t < K; t++) {
                out[t] += logConfusion[row + Outcomes.flip(t, aLeft) * K];
            }
        }
        double max = Math.max(Math.max(out[0], out[1]), Math.max(out[2], out[3]));
        double sum = 0;
        for (int t = 0; t < K; t++) {
            out[t] = Math.exp(out[t] - max);
            sum += out[t];
        }
        for (int t = 0; t < K; t++) {
            out[t] /= sum;
        }
    }

    /**
     * Expected share of right answers: each true outcome's weight times the chance the judge names it. The left
     * side is random, so "left is better" and "right is better" are each true half as often as A or B wins.
     */
    static double accuracy(double[] confusion, int offset, double[] classPrior) {
        double decisive = (classPrior[Outcomes.A] + classPrior[Outcomes.B]) / 2;
        return decisive * confusion[offset + Outcomes.LEFT * K + Outcomes.LEFT]
                + decisive * confusion[offset + Outcomes.RIGHT * K + Outcomes.RIGHT]
                + classPrior[Outcomes.TIE] * confusion[offset + Outcomes.TIE * K + Outcomes.TIE]
                + classPrior[Outcomes.BOTH_BAD] * confusion[offset + Outcomes.BOTH_BAD * K + Outcomes.BOTH_BAD];
    }

    static int argMax(double[] values, int offset) {
        int best = 0;
        for (int t = 1; t < K; t++) {
            if (values[offset + t] > values[offset + best]) {
                best = t;
            }
        }
        return best;
    }

    static void logInto(double[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = Math.log(from[i]);
        }
    }

    /** Each judge's confusion and the class prior from the expected counts, with their pseudo-counts. */
    private static void mStep(Crowd crowd, double[] posterior, double[] confusion, double[] classPrior) {
        for (int j = 0; j < crowd.judges; j++) {
            for (int s = 0; s < K; s++) {
                for (int o = 0; o < K; o++) {
                    confusion[j * CELLS + s * K + o] = s == o ? PRIOR_RIGHT : PRIOR_WRONG;
                }
            }
        }
        double[] classCounts = {1, 1, 1, 1};
        for (int p = 0; p < crowd.pairs; p++) {
            int at = p * K;
            if (crowd.gold[p] < 0) {
                for (int t = 0; t < K; t++) {
                    classCounts[t] += posterior[at + t];
                }
            }
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                int cell = crowd.judge[v] * CELLS + crowd.said[v];
                boolean aLeft = crowd.aShownLeft[v];
                for (int t = 0; t < K; t++) {
                    confusion[cell + Outcomes.flip(t, aLeft) * K] += posterior[at + t];
                }
            }
        }
        for (int row = 0; row < confusion.length; row += K) {
            double sum = confusion[row] + confusion[row + 1] + confusion[row + 2] + confusion[row + 3];
            for (int o = 0; o < K; o++) {
                confusion[row + o] /= sum;
            }
        }
        double total = classCounts[0] + classCounts[1] + classCounts[2] + classCounts[3];
        for (int t = 0; t < K; t++) {
            classPrior[t] = classCounts[t] / total;
        }
    }
}
