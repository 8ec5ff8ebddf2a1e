package com.verdict.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A crowd with a known truth: pairs with true outcomes, judges of known kinds, and their votes, each on a pair
 * shown with a random side on the left. Honest judges name the truth with their accuracy and otherwise one of
 * the three other outcomes at random; random clickers pick any outcome; left clickers always press left.
 */
final class SyntheticCrowd {

    enum Kind { HONEST, RANDOM, ALWAYS_LEFT }

    record Judge(Kind kind, double accuracy) {

        static Judge honest(double accuracy) {
            return new Judge(Kind.HONEST, accuracy);
        }

        static Judge random() {
            return new Judge(Kind.RANDOM, 0.25);
        }

        static Judge alwaysLeft() {
            return new Judge(Kind.ALWAYS_LEFT, 0.5);
        }

        /** This judge's verdict in shown terms on a pair whose truth is {@code truth} (candidate terms). */
        int say(int truth, boolean aShownLeft, SplittableRandom random) {
            return switch (kind) {
                case ALWAYS_LEFT -> Outcomes.LEFT;
                case RANDOM -> random.nextInt(Outcomes.COUNT);
                case HONEST -> {
                    int shownTruth = Outcomes.flip(truth, aShownLeft);
                    if (random.nextDouble() < accuracy) {
                        yield shownTruth;
                    }
                    int other = random.nextInt(Outcomes.COUNT - 1);
                    yield other >= shownTruth ? other + 1 : other;
                }
            };
        }
    }

    final List<Judge> judges;
    final int[] truth;
    final byte[] gold;
    final int votes;
    final int[] pair;
    final int[] judge;
    final byte[] outcome;
    final boolean[] aShownLeft;

    /**
     * {@code pairs} pairs, each judged by {@code perPair} distinct judges; truths mostly A or B, with some ties
     * and both-bad pairs; a {@code goldShare} of the pairs are gold (always A or B).
     */
    SyntheticCrowd(List<Judge> judges, int pairs, int perPair, double goldShare, long seed) {
        this.judges = List.copyOf(judges);
        SplittableRandom random = new SplittableRandom(seed);
        truth = new int[pairs];
        gold = new byte[pairs];
        votes = pairs * perPair;
        pair = new int[votes];
        judge = new int[votes];
        outcome = new byte[votes];
        aShownLeft = new boolean[votes];
        int v = 0;
        for (int p = 0; p < pairs; p++) {
            double draw = random.nextDouble();
            truth[p] = draw < 0.42 ? Outcomes.A : draw < 0.84 ? Outcomes.B : draw < 0.92 ? Outcomes.TIE
                    : Outcomes.BOTH_BAD;
            gold[p] = -1;
            if (random.nextDouble() < goldShare) {
                truth[p] = random.nextBoolean() ? Outcomes.A : Outcomes.B;
                gold[p] = (byte) truth[p];
            }
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < perPair) {
                int j = random.nextInt(judges.size());
                if (!chosen.contains(j)) {
                    chosen.add(j);
                }
            }
            for (int j : chosen) {
                boolean aLeft = random.nextBoolean();
                int said = judges.get(j).say(truth[p], aLeft, random);
                pair[v] = p;
                judge[v] = j;
                aShownLeft[v] = aLeft;
                outcome[v] = (byte) Outcomes.flip(said, aLeft);
                v++;
            }
        }
    }

    Crowd crowd(boolean withGold) {
        byte[] answers = new byte[truth.length];
        java.util.Arrays.fill(answers, (byte) -1);
        if (withGold) {
            System.arraycopy(gold, 0, answers, 0, gold.length);
        }
        return Crowd.of(truth.length, judges.size(), votes, pair, judge, outcome, aShownLeft, answers);
    }

    /** The plurality outcome of each pair, ties between outcomes broken at random: the baseline to beat. */
    int[] majority(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] counts = new int[truth.length][Outcomes.COUNT];
        for (int v = 0; v < votes; v++) {
            counts[pair[v]][outcome[v]]++;
        }
        int[] decision = new int[truth.length];
        for (int p = 0; p < truth.length; p++) {
            int best = -1;
            int ties = 0;
            for (int t = 0; t < Outcomes.COUNT; t++) {
                if (best < 0 || counts[p][t] > counts[p][best]) {
                    best = t;
                    ties = 1;
                } else if (counts[p][t] == counts[p][best] && random.nextInt(++ties) == 0) {
                    best = t;
                }
            }
            decision[p] = best;
        }
        return decision;
    }

    /** Share of the pairs that are not gold whose decision is the truth. */
    double accuracy(int[] decision) {
        int right = 0;
        int counted = 0;
        for (int p = 0; p < truth.length; p++) {
            if (gold[p] < 0) {
                counted++;
                right += decision[p] == truth[p] ? 1 : 0;
            }
        }
        return (double) right / counted;
    }

    int[] decisions(DawidSkene.Fit fit) {
        int[] decision = new int[truth.length];
        for (int p = 0; p < truth.length; p++) {
            decision[p] = fit.decision(p);
        }
        return decision;
    }
}
