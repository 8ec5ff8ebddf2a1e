package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the consensus model and its rules, for any crowd. */
class ConsensusPropertyTests {

    private static final PairRules RULES = new PairRules(3, 5, 0.8);

    /** Pairs, judges and votes drawn at random: each vote a judge, a pair, an outcome and a side. */
    record RandomCrowd(int pairs, int judges, int[] pair, int[] judge, byte[] outcome, boolean[] aShownLeft,
            byte[] gold) {

        Crowd crowd() {
            return Crowd.of(pairs, judges, pair.length, pair, judge, outcome, aShownLeft, gold);
        }

        /** The same judgments, had every pair been shown the other way round and judged alike. */
        RandomCrowd mirrored() {
            boolean[] other = new boolean[aShownLeft.length];
            for (int v = 0; v < other.length; v++) {
                other[v] = !aShownLeft[v];
            }
            return new RandomCrowd(pairs, judges, pair, judge, outcome, other, gold);
        }
    }

    @Provide
    Arbitrary<RandomCrowd> crowds() {
        return Combinators.combine(Arbitraries.integers().between(1, 25), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 120), Arbitraries.longs()).as((pairs, judges, votes, seed) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    int[] pair = new int[votes];
                    int[] judge = new int[votes];
                    byte[] outcome = new byte[votes];
                    boolean[] aShownLeft = new boolean[votes];
                    for (int v = 0; v < votes; v++) {
                        pair[v] = random.nextInt(pairs);
                        judge[v] = random.nextInt(judges);
                        // Biased choices, so that some judges look reliable and some look like left clickers.
                        outcome[v] = (byte) (random.nextInt(3) == 0 ? random.nextInt(4) : judge[v] % 2);
                        aShownLeft[v] = random.nextBoolean();
                    }
                    byte[] gold = new byte[pairs];
                    for (int p = 0; p < pairs; p++) {
                        gold[p] = (byte) (random.nextInt(6) == 0 ? random.nextInt(2) : -1);
                    }
                    return new RandomCrowd(pairs, judges, pair, judge, outcome, aShownLeft, gold);
                });
    }

    @Property(tries = 200)
    void swappingLeftAndRightChangesNoDecision(@ForAll("crowds") RandomCrowd crowd,
            @ForAll @DoubleRange(min = 0, max = 0.7) double flagBelow) {
        DawidSkene.Fit fit = DawidSkene.fit(crowd.crowd(), new DawidSkene.Flagging(flagBelow, 0));
        DawidSkene.Fit mirrored = DawidSkene.fit(crowd.mirrored().crowd(), new DawidSkene.Flagging(flagBelow, 0));

        for (int p = 0; p < crowd.pairs(); p++) {
            assertThat(mirrored.decision(p)).isEqualTo(fit.decision(p));
            assertThat(mirrored.confidence(p)).isCloseTo(fit.confidence(p), within(1e-12));
        }
        assertThat(mirrored.flagged()).containsExactly(fit.flagged());
        assertThat(mirrored.accuracy()).containsExactly(fit.accuracy(), within(1e-12));
    }

    @Property(tries = 100)
    void posteriorsAreDistributionsAndGoldIsCertain(@ForAll("crowds") RandomCrowd crowd) {
        DawidSkene.Fit fit = DawidSkene.fit(crowd.crowd(), new DawidSkene.Flagging(0.6, 0));

        for (int p = 0; p < crowd.pairs(); p++) {
            double sum = 0;
            for (int t = 0; t < 4; t++) {
                assertThat(fit.posterior()[p * 4 + t]).isBetween(0.0, 1.0);
                sum += fit.posterior()[p * 4 + t];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
            if (crowd.gold()[p] >= 0) {
                assertThat(fit.decision(p)).isEqualTo(crowd.gold()[p]);
            }
        }
    }

    @Property
    void aPairSettlesOnlyWithEnoughSureCountedJudgmentsAndIsContestedOnlyAtTheLimit(
            @ForAll @IntRange(min = 0, max = 60) int judgments, @ForAll @IntRange(min = 0, max = 60) int flagged,
            @ForAll @DoubleRange(min = 0, max = 1) double confidence) {
        int counted = Math.max(0, judgments - flagged);
        ConsensusState state = RULES.state(counted, judgments, confidence, false);
        int limit = RULES.dealLimit(state, judgments);

        boolean sure = counted >= RULES.judgmentsPerPair() && confidence >= RULES.settleConfidence();
        assertThat(state == ConsensusState.SETTLED).isEqualTo(sure);
        assertThat(state == ConsensusState.CONTESTED).isEqualTo(!sure && judgments >= RULES.maxJudgmentsPerPair());
        if (state == ConsensusState.OPEN) {
            assertThat(limit).isGreaterThan(judgments).isLessThanOrEqualTo(RULES.maxJudgmentsPerPair());
        } else {
            assertThat(limit).isEqualTo(judgments);
        }
    }

    @Property
    void aGoldPairIsSettledFromItsFirstJudgment(@ForAll @IntRange(min = 0, max = 60) int judgments) {
        assertThat(RULES.state(judgments, judgments, 1, true))
                .isEqualTo(judgments == 0 ? ConsensusState.OPEN : ConsensusState.SETTLED);
    }

    @Property
    void anInteractionOfTwoCandidatesIsItsPair(@ForAll @IntRange(min = 0, max = 8) int judgments,
            @ForAll("posteriors") double[] posterior) {
        int decision = DawidSkene.argMax(posterior, 0);
        ConsensusState pairState = RULES.state(judgments, judgments, posterior[decision], false);

        InteractionRanking.Result result = InteractionRanking.decide(
                List.of(new InteractionRanking.JudgedPair(10, 20, posterior, pairState)), 1, RULES.settleConfidence());

        assertThat(result.state()).isEqualTo(pairState);
        if (pairState == ConsensusState.SETTLED) {
            switch (decision) {
                case Outcomes.A, Outcomes.B -> {
                    assertThat(result.outcome()).isEqualTo(InteractionOutcome.BEST);
                    assertThat(result.best()).isEqualTo(decision == Outcomes.A ? 10L : 20L);
                    assertThat(result.confidence()).isEqualTo(posterior[decision]);
                }
                case Outcomes.TIE -> assertThat(result.outcome()).isEqualTo(InteractionOutcome.TIE);
                default -> assertThat(result.outcome()).isEqualTo(InteractionOutcome.BOTH_BAD);
            }
        } else {
            assertThat(result.best()).isNull();
        }
    }

    @Provide
    Arbitrary<double[]> posteriors() {
        return Arbitraries.doubles().between(0.001, 1).ofScale(4).array(double[].class).ofSize(4).map(raw -> {
            double sum = raw[0] + raw[1] + raw[2] + raw[3];
            return new double[] {raw[0] / sum, raw[1] / sum, raw[2] / sum, raw[3] / sum};
        });
    }
}
