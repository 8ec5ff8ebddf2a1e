package com.verdict.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An interaction's decision from the consensus of its pairs. Its candidates are ranked by Bradley–Terry over
 * the pairs' expected outcomes (a tie, or both bad, counts half a win to each); the top one is the best
 * response, and its confidence is the smallest posterior that it beats one of the others (0 while some rival
 * is unjudged), so for two candidates the interaction is exactly its pair. It settles with a best response once
 * that confidence reaches the settle level and every pair of the best is settled; with no best response once
 * all its pairs are settled without one; it is contested once no pair is open and neither holds.
 */
final class InteractionRanking {

    /** One judged pair of the interaction: its candidates, posteriors (candidate terms) and state. */
    record JudgedPair(long candidateA, long candidateB, double[] posterior, ConsensusState state) {
    }

    /** {@code best} is set only when {@code outcome} is {@code BEST}; {@code outcome} only once settled. */
    record Result(ConsensusState state, InteractionOutcome outcome, Long best, double confidence) {

        /**
         * Whether this decides otherwise than {@code was}: another state, outcome or best response. A new confidence
         * alone does not count: exports date an interaction's record by when its decision last moved.
         */
        boolean movedFrom(Result was) {
            return state != was.state || outcome != was.outcome || !Objects.equals(best, was.best);
        }
    }

    private InteractionRanking() {
    }

    /** {@code totalPairs}: how many pairs the interaction has, judged or not. */
    static Result decide(List<JudgedPair> pairs, int totalPairs, double settleConfidence) {
        if (pairs.isEmpty()) {
            return new Result(ConsensusState.OPEN, null, null, 0);
        }
        Ranked ranked = rank(pairs);
        long best = ranked.leader();
        int rivals = Math.max(ranked.candidates(), candidatesOf(totalPairs)) - 1;
        double confidence = 1;
        boolean bestPairsSettled = true;
        int judgedRivals = 0;
        for (JudgedPair pair : pairs) {
            if (pair.candidateA() == best || pair.candidateB() == best) {
                double[] p = pair.posterior();
                confidence = Math.min(confidence, pair.candidateA() == best ? p[Outcomes.A] : p[Outcomes.B]);
                bestPairsSettled &= pair.state() == ConsensusState.SETTLED;
                judgedRivals++;
            }
        }
        if (judgedRivals < rivals) {
            confidence = 0;
        }
        if (confidence >= settleConfidence && bestPairsSettled) {
            return new Result(ConsensusState.SETTLED, InteractionOutcome.BEST, best, confidence);
        }
        if (pairs.size() < totalPairs || pairs.stream().anyMatch(p -> p.state() == ConsensusState.OPEN)) {
            return new Result(ConsensusState.OPEN, null, null, confidence);
        }
        if (pairs.stream().allMatch(p -> p.state() == ConsensusState.SETTLED)) {
            boolean allBad = pairs.stream().allMatch(p -> DawidSkene.argMax(p.posterior(), 0) == Outcomes.BOTH_BAD);
            double weakest = pairs.stream().mapToDouble(p -> p.posterior()[DawidSkene.argMax(p.posterior(), 0)])
                    .min().orElse(0);
            return new Result(ConsensusState.SETTLED, allBad ? InteractionOutcome.BOTH_BAD : InteractionOutcome.TIE,
                    null, weakest);
        }
        return new Result(ConsensusState.CONTESTED, null, null, confidence);
    }

    /**
     * The response a contested interaction leans to: the one Bradley–Terry ranks first, if each of its pairs' most
     * likely outcome is that it is better (not a tie, not both bad, not the rival); else none.
     */
    static Optional<Long> leaning(List<JudgedPair> pairs) {
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        long leader = rank(pairs).leader();
        for (JudgedPair pair : pairs) {
            int winning = pair.candidateA() == leader ? Outcomes.A : Outcomes.B;
            if ((pair.candidateA() == leader || pair.candidateB() == leader)
                    && DawidSkene.argMax(pair.posterior(), 0) != winning) {
                return Optional.empty();
            }
        }
        return Optional.of(leader);
    }

    /** The leader and how many candidates the judged pairs name. */
    private record Ranked(long leader, int candidates) {
    }

    private static Ranked rank(List<JudgedPair> pairs) {
        List<Long> candidates = new ArrayList<>();
        for (JudgedPair pair : pairs) {
            addOnce(candidates, pair.candidateA());
            addOnce(candidates, pair.candidateB());
        }
        int n = candidates.size();
        double[] wins = new double[n * n];
        for (JudgedPair pair : pairs) {
            int a = candidates.indexOf(pair.candidateA());
            int b = candidates.indexOf(pair.candidateB());
            double[] p = pair.posterior();
            double shared = (p[Outcomes.TIE] + p[Outcomes.BOTH_BAD]) / 2;
            wins[a * n + b] += p[Outcomes.A] + shared;
            wins[b * n + a] += p[Outcomes.B] + shared;
        }
        double[] strength = BradleyTerry.fit(n, wins);
        int top = 0;
        for (int i = 1; i < n; i++) {
            if (strength[i] > strength[top]) {
                top = i;
            }
        }
        return new Ranked(candidates.get(top), n);
    }

    /** The number of candidates that form {@code pairs} pairs (n(n-1)/2 = pairs). */
    static int candidatesOf(int pairs) {
        return (int) Math.round((1 + Math.sqrt(1 + 8.0 * pairs)) / 2);
    }

    private static void addOnce(List<Long> candidates, long candidate) {
        if (!candidates.contains(candidate)) {
            candidates.add(candidate);
        }
    }
}
