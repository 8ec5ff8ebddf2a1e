package com.verdict.scoring;

import com.verdict.base.Words;
import java.util.Arrays;

/**
 * What a refit learns of each judge beside their confusion matrix: gold accuracy, position bias (share of
 * left choices against the share their pairs warrant), share of too-fast judgments, median time on task, and
 * agreement with the settled consensus, with the reason a flagged judge is flagged.
 */
final class JudgeAssessment {

    final int[] judgments;
    final int[] goldJudgments;
    final int[] goldMatched;
    final int[] decisive;
    final int[] leftChosen;
    final double[] leftWarranted;
    final double[] decisiveWarranted;
    final int[] tooFast;
    final long[] medianTimeMs;
    final int[] settled;
    final int[] agreed;

    /**
     * {@code tooFast} and {@code timeMs} are per vote in the crowd's order; {@code settled} and {@code decision}
     * per pair, after the refit.
     */
    JudgeAssessment(Crowd crowd, DawidSkene.Fit fit, boolean[] tooFast, int[] timeMs, boolean[] settled,
            int[] decision) {
        int judges = crowd.judges;
        judgments = crowd.votesByJudge();
        goldJudgments = new int[judges];
        goldMatched = new int[judges];
        decisive = new int[judges];
        leftChosen = new int[judges];
        leftWarranted = new double[judges];
        decisiveWarranted = new double[judges];
        this.tooFast = new int[judges];
        this.settled = new int[judges];
        agreed = new int[judges];
        double[] posterior = fit.posterior();
        for (int p = 0; p < crowd.pairs; p++) {
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                int j = crowd.judge[v];
                int outcome = crowd.outcome(v);
                boolean aLeft = crowd.aShownLeft[v];
                if (tooFast[v]) {
                    this.tooFast[j]++;
                }
                if (crowd.gold[p] >= 0) {
                    goldJudgments[j]++;
                    if (outcome == crowd.gold[p]) {
                        goldMatched[j]++;
                    }
                } else if (settled[p]) {
                    this.settled[j]++;
                    if (outcome == decision[p]) {
                        agreed[j]++;
                    }
                }
                if (crowd.said[v] <= Outcomes.RIGHT) {
                    decisive[j]++;
                    if (crowd.said[v] == Outcomes.LEFT) {
                        leftChosen[j]++;
                    }
                }
                double left = posterior[p * Outcomes.COUNT + Outcomes.flip(Outcomes.LEFT, aLeft)];
                double right = posterior[p * Outcomes.COUNT + Outcomes.flip(Outcomes.RIGHT, aLeft)];
                leftWarranted[j] += left;
                decisiveWarranted[j] += left + right;
            }
        }
        medianTimeMs = medians(crowd, timeMs);
    }

    Double leftShare(int j) {
        return decisive[j] == 0 ? null : (double) leftChosen[j] / decisive[j];
    }

    Double leftWarrantedShare(int j) {
        return decisiveWarranted[j] == 0 ? null : leftWarranted[j] / decisiveWarranted[j];
    }

    double tooFastShare(int j) {
        return judgments[j] == 0 ? 0 : (double) tooFast[j] / judgments[j];
    }

    /** Why a flagged judge is flagged: the estimate, then the clearest sign of what goes wrong. */
    String reason(int j, double accuracy, double flagBelow) {
        String reason = "Estimated accuracy %s is below %s".formatted(Words.percent(accuracy),
                Words.percent(flagBelow));
        Double leftShare = leftShare(j);
        Double warranted = leftWarrantedShare(j);
        if (leftShare != null && warranted != null && decisive[j] >= 5 && Math.abs(leftShare - warranted) >= 0.25) {
            boolean left = leftShare > warranted;
            return reason + "; picks the %s response in %s of decisive verdicts where %s is warranted".formatted(
                    left ? "left" : "right", Words.percent(left ? leftShare : 1 - leftShare),
                    Words.percent(left ? warranted : 1 - warranted));
        }
        if (tooFastShare(j) >= 0.5) {
            return reason + "; %s of judgments faster than the minimum reading time".formatted(
                    Words.percent(tooFastShare(j)));
        }
        if (goldJudgments[j] >= 3 && goldMatched[j] * 2 < goldJudgments[j]) {
            return reason + "; %d of %d gold pairs right".formatted(goldMatched[j], goldJudgments[j]);
        }
        if (settled[j] >= 5) {
            return reason + "; agrees with the consensus on %s of settled pairs".formatted(
                    Words.percent((double) agreed[j] / settled[j]));
        }
        return reason;
    }


    /** Each judge's median time on task: the votes' times grouped by judge (a counting sort), each group sorted. */
    private static long[] medians(Crowd crowd, int[] timeMs) {
        int judges = crowd.judges;
        int votes = crowd.votes();
        int[] start = new int[judges + 1];
        for (int v = 0; v < votes; v++) {
            start[crowd.judge[v] + 1]++;
        }
        for (int j = 0; j < judges; j++) {
            start[j + 1] += start[j];
        }
        int[] next = Arrays.copyOf(start, judges);
        int[] times = new int[votes];
        for (int v = 0; v < votes; v++) {
            times[next[crowd.judge[v]]++] = timeMs[v];
        }
        long[] medians = new long[judges];
        for (int j = 0; j < judges; j++) {
            int from = start[j];
            int to = start[j + 1];
            if (to == from) {
                continue;
            }
            Arrays.sort(times, from, to);
            int middle = from + (to - from) / 2;
            medians[j] = (to - from) % 2 == 1 ? times[middle] : ((long) times[middle - 1] + times[middle]) / 2;
        }
        return medians;
    }
}
