package com.verdict.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Source ratings as Chatbot Arena computes them for its models: Bradley–Terry over the decided pairs between
 * sources (ties as half wins), on an Elo-like scale, with a 95% interval from {@value #REPLICATES} bootstrap
 * replicates. Each replicate draws every matchup's counts from a Poisson law around the observed ones (the
 * Poisson bootstrap: the same as resampling the pairs, without touching each pair).
 */
final class SourceStandings {

    static final int REPLICATES = 200;
    private static final double SCALE = 400 / Math.log(10);
    private static final double AVERAGE = 1000;

    private SourceStandings() {
    }

    /** Standings from the matchups, best rating first; {@code seed} makes the interval repeatable. */
    static List<SourceStanding> of(List<SourceMatchup> matchups, long seed) {
        List<String> sources = new ArrayList<>(new TreeSet<>(matchups.stream()
                .flatMap(m -> java.util.stream.Stream.of(m.a(), m.b())).toList()));
        int n = sources.size();
        if (n == 0) {
            return List.of();
        }
        int[][] index = new int[matchups.size()][2];
        int[] wins = new int[n];
        int[] losses = new int[n];
        int[] ties = new int[n];
        for (int m = 0; m < matchups.size(); m++) {
            SourceMatchup matchup = matchups.get(m);
            int a = sources.indexOf(matchup.a());
            int b = sources.indexOf(matchup.b());
            index[m] = new int[] {a, b};
            wins[a] += matchup.aWins();
            losses[a] += matchup.bWins();
            wins[b] += matchup.bWins();
            losses[b] += matchup.aWins();
            ties[a] += matchup.ties();
            ties[b] += matchup.ties();
        }
        double[] rating = ratings(n, index, matchups, null);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] replicates = new double[n][REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            double[] replicate = ratings(n, index, matchups, random);
            for (int i = 0; i < n; i++) {
                replicates[i][r] = replicate[i];
            }
        }
        List<SourceStanding> standings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Arrays.sort(replicates[i]);
            standings.add(new SourceStanding(sources.get(i), rating[i], percentile(replicates[i], 0.025),
                    percentile(replicates[i], 0.975), wins[i], losses[i], ties[i]));
        }
        standings.sort(Comparator.comparingDouble(SourceStanding::rating).reversed()
                .thenComparing(SourceStanding::source));
        return standings;
    }

    /** Ratings from the matchups' counts, or, given {@code random}, from a Poisson draw around each count. */
    private static double[] ratings(int n, int[][] index, List<SourceMatchup> matchups, SplittableRandom random) {
        double[] wins = new double[n * n];
        for (int m = 0; m < matchups.size(); m++) {
            SourceMatchup matchup = matchups.get(m);
            int a = index[m][0];
            int b = index[m][1];
            double half = draw(matchup.ties(), random) / 2.0;
            wins[a * n + b] += draw(matchup.aWins(), random) + half;
            wins[b * n + a] += draw(matchup.bWins(), random) + half;
        }
        double[] strength = BradleyTerry.fit(n, wins);
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            rating[i] = AVERAGE + SCALE * strength[i];
        }
        return rating;
    }

    /** The count itself, or a Poisson draw with that mean (Knuth's method when small, else a normal). */
    static int draw(int count, SplittableRandom random) {
        if (random == null || count == 0) {
            return count;
        }
        if (count < 30) {
            double limit = Math.exp(-count);
            double product = random.nextDouble();
            int k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        double normal = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        return (int) Math.max(0, Math.round(count + Math.sqrt(count) * normal));
    }

    private static double percentile(double[] sorted, double share) {
        double position = share * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
