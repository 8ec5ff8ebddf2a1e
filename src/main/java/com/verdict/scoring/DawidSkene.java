package com.verdict.scoring;

import java.util.Arrays;
import java.util.stream.IntStream;

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

    /** Slices of pairs fitted in parallel, once there are enough pairs to be worth it. */
    private static final int SLICES = 4;
    private static final int PARALLEL_FROM = 20_000;
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

    /**
     * Where a fit starts instead of the priors: a class prior, every judge's confusion matrix, and the judges
     * flagged so far.
     */
    record Start(double[] classPrior, double[] confusion, boolean[] flagged) {
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
     * Who is flagged: a judge with at least {@code after} judgments whose estimated accuracy is below
     * {@code below}. A few judgments are no evidence: one honest disagreement estimates a new judge's accuracy
     * below 0.6.
     */
    record Flagging(double below, int after) {
    }

    /**
     * Fits the model. Judges {@code flagging} names are flagged and their votes left out; since leaving them out
     * moves the estimates, the fit runs again with the new flags, a few rounds at most, until the flags hold.
     */
    static Fit fit(Crowd crowd, Flagging flagging) {
        return fit(crowd, flagging, null);
    }

    /** Fits the model from {@code start}, or from the priors when it is null. */
    static Fit fit(Crowd crowd, Flagging flagging, Start start) {
        int judges = crowd.judges;
        double[] classPrior = start == null ? DEFAULT_CLASS_PRIOR.clone() : start.classPrior().clone();
        double[] confusion = new double[judges * CELLS];
        boolean[] ignored = new boolean[judges];
        if (start == null) {
            double[] prior = priorConfusion();
            for (int j = 0; j < judges; j++) {
                System.arraycopy(prior, 0, confusion, j * CELLS, CELLS);
            }
        } else {
            System.arraycopy(start.confusion(), 0, confusion, 0, judges * CELLS);
            System.arraycopy(start.flagged(), 0, ignored, 0, judges);
        }
        int[] judgments = crowd.votesByJudge();
        double[] posterior = new double[crowd.pairs * K];
        double[] accuracy = new double[judges];
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
                flagged[j] = judgments[j] >= flagging.after() && accuracy[j] < flagging.below();
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
     * the matrices and the class prior from the posteriors. Returns the mean change of a posterior. Pairs are
     * split into a few fixed slices worked on in parallel; their sums are added up in slice order, so the result
     * does not depend on which thread ran what.
     */
    private static double iterate(Crowd crowd, double[] classPrior, double[] confusion, boolean[] ignored,
            double[] posterior) {
        double[] logConfusion = new double[confusion.length];
        double[] logPrior = new double[K];
        logInto(confusion, logConfusion);
        logInto(classPrior, logPrior);
        int slices = crowd.pairs < PARALLEL_FROM ? 1 : SLICES;
        Slice[] done = IntStream.range(0, slices).parallel()
                .mapToObj(i -> slice(crowd, i * crowd.pairs / slices, (i + 1) * crowd.pairs / slices, logPrior,
                        logConfusion, ignored, posterior))
                .toArray(Slice[]::new);
        double moved = 0;
        double[] counts = new double[confusion.length];
        double[] classCounts = {1, 1, 1, 1};
        for (Slice slice : done) {
            moved += slice.moved;
            for (int c = 0; c < counts.length; c++) {
                counts[c] += slice.counts[c];
            }
            for (int t = 0; t < K; t++) {
                classCounts[t] += slice.classCounts[t];
            }
        }
        for (int row = 0; row < confusion.length; row += K) {
            for (int o = 0; o < K; o++) {
                counts[row + o] += row / K % K == o ? PRIOR_RIGHT : PRIOR_WRONG;
            }
            double sum = counts[row] + counts[row + 1] + counts[row + 2] + counts[row + 3];
            for (int o = 0; o < K; o++) {
                confusion[row + o] = counts[row + o] / sum;
            }
        }
        double total = classCounts[0] + classCounts[1] + classCounts[2] + classCounts[3];
        for (int t = 0; t < K; t++) {
            classPrior[t] = classCounts[t] / total;
        }
        return crowd.pairs == 0 ? 0 : moved / (crowd.pairs * K);
    }

    /** What one slice of pairs adds: how far its posteriors moved, and its expected counts. */
    private record Slice(double moved, double[] counts, double[] classCounts) {
    }

    /** The E-step for pairs {@code from} to {@code to}, then their expected confusion and class counts. */
    private static Slice slice(Crowd crowd, int from, int to, double[] logPrior, double[] logConfusion,
            boolean[] ignored, double[] posterior) {
        double[] scratch = new double[K];
        double[] counts = new double[logConfusion.length];
        double[] classCounts = new double[K];
        double moved = 0;
        for (int p = from; p < to; p++) {
            int at = p * K;
            posterior(crowd, p, logPrior, logConfusion, ignored, scratch);
            for (int t = 0; t < K; t++) {
                moved += Math.abs(scratch[t] - posterior[at + t]);
                posterior[at + t] = scratch[t];
            }
            if (crowd.gold[p] < 0) {
                for (int t = 0; t < K; t++) {
                    classCounts[t] += scratch[t];
                }
            }
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                int cell = crowd.judge[v] * CELLS + crowd.said[v];
                boolean aLeft = crowd.aShownLeft[v];
                for (int t = 0; t < K; t++) {
                    counts[cell + Outcomes.flip(t, aLeft) * K] += scratch[t];
                }
            }
        }
        return new Slice(moved, counts, classCounts);
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
}
