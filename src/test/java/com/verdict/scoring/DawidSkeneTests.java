package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.verdict.scoring.SyntheticCrowd.Judge;
import com.verdict.scoring.SyntheticCrowd.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DawidSkeneTests {

    private static final DawidSkene.Flagging FLAGGING = new DawidSkene.Flagging(0.6, 10);

    /** 24 honest judges from 62% to 95% accurate, 8 random clickers, 8 who always press left. */
    private static List<Judge> mixedCrowd() {
        List<Judge> judges = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            judges.add(Judge.honest(0.62 + 0.33 * i / 23));
        }
        for (int i = 0; i < 8; i++) {
            judges.add(Judge.random());
            judges.add(Judge.alwaysLeft());
        }
        return judges;
    }

    @Test
    void consensusBeatsMajorityVoteWithoutGold() {
        SyntheticCrowd synthetic = new SyntheticCrowd(mixedCrowd(), 3000, 5, 0, 1);

        DawidSkene.Fit fit = DawidSkene.fit(synthetic.crowd(false), FLAGGING);

        double consensus = synthetic.accuracy(synthetic.decisions(fit));
        double majority = synthetic.accuracy(synthetic.majority(7));
        assertThat(consensus).isGreaterThan(majority + 0.08).isGreaterThan(0.85);
    }

    @Test
    void goldAnswersMakeTheConsensusBetterStill() {
        SyntheticCrowd synthetic = new SyntheticCrowd(mixedCrowd(), 3000, 5, 0.1, 2);

        DawidSkene.Fit withGold = DawidSkene.fit(synthetic.crowd(true), FLAGGING);
        DawidSkene.Fit withoutGold = DawidSkene.fit(synthetic.crowd(false), FLAGGING);

        double majority = synthetic.accuracy(synthetic.majority(7));
        assertThat(synthetic.accuracy(synthetic.decisions(withGold)))
                .isGreaterThan(majority + 0.08)
                .isGreaterThanOrEqualTo(synthetic.accuracy(synthetic.decisions(withoutGold)) - 0.005);
        for (int p = 0; p < synthetic.truth.length; p++) {
            if (synthetic.gold[p] >= 0) {
                assertThat(withGold.decision(p)).isEqualTo(synthetic.gold[p]);
                assertThat(withGold.confidence(p)).isEqualTo(1.0);
            }
        }
    }

    @Test
    void flagsTheRandomAndTheLeftClickersAndNoGoodJudge() {
        SyntheticCrowd synthetic = new SyntheticCrowd(mixedCrowd(), 3000, 5, 0, 3);

        DawidSkene.Fit fit = DawidSkene.fit(synthetic.crowd(false), FLAGGING);

        for (int j = 0; j < synthetic.judges.size(); j++) {
            Judge judge = synthetic.judges.get(j);
            if (judge.kind() != Kind.HONEST) {
                assertThat(fit.flagged()[j]).as("%s judge %d", judge.kind(), j).isTrue();
            } else if (judge.accuracy() >= 0.7) {
                assertThat(fit.flagged()[j]).as("honest judge %d at %.2f", j, judge.accuracy()).isFalse();
                assertThat(fit.accuracy()[j]).isCloseTo(judge.accuracy(), within(0.08));
            }
        }
    }

    @Test
    void aJudgeWhoAlwaysPressesLeftCarriesNoWeight() {
        List<Judge> judges = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            judges.add(Judge.honest(0.8));
        }
        judges.add(Judge.alwaysLeft());
        SyntheticCrowd synthetic = new SyntheticCrowd(judges, 2000, 4, 0, 4);
        DawidSkene.Flagging noFlags = new DawidSkene.Flagging(0, 10);
        DawidSkene.Fit fit = DawidSkene.fit(synthetic.crowd(false), noFlags);
        int leftClicker = judges.size() - 1;
        double[] confusion = fit.confusion();
        int offset = leftClicker * 16;

        // Whatever the truth as shown, the left clicker says left: the rows are alike, so the vote is no evidence.
        assertThat(confusion[offset + Outcomes.LEFT * 4 + Outcomes.LEFT])
                .isCloseTo(confusion[offset + Outcomes.RIGHT * 4 + Outcomes.LEFT], within(0.03));
        Crowd one = Crowd.of(1, judges.size(), 1, new int[] {0}, new int[] {leftClicker}, new byte[] {Outcomes.A},
                new boolean[] {true}, new byte[] {-1});
        double[] logPrior = new double[4];
        DawidSkene.logInto(fit.classPrior(), logPrior);
        double[] logConfusion = new double[confusion.length];
        DawidSkene.logInto(confusion, logConfusion);
        double[] posterior = new double[4];
        DawidSkene.posterior(one, 0, logPrior, logConfusion, new boolean[judges.size()], posterior);
        assertThat(posterior[Outcomes.A]).isCloseTo(fit.classPrior()[Outcomes.A], within(0.03));
    }

    @Test
    void flaggedJudgesAreLeftOutOfThePosterior() {
        Crowd crowd = Crowd.of(1, 2, 2, new int[] {0, 0}, new int[] {0, 1}, new byte[] {Outcomes.A, Outcomes.B},
                new boolean[] {true, false}, new byte[] {-1});
        double[] logPrior = new double[4];
        DawidSkene.logInto(DawidSkene.DEFAULT_CLASS_PRIOR, logPrior);
        double[] logConfusion = new double[32];
        double[] prior = DawidSkene.priorConfusion();
        for (int c = 0; c < 32; c++) {
            logConfusion[c] = Math.log(prior[c % 16]);
        }
        double[] posterior = new double[4];

        DawidSkene.posterior(crowd, 0, logPrior, logConfusion, new boolean[] {false, true}, posterior);

        assertThat(DawidSkene.argMax(posterior, 0)).isEqualTo(Outcomes.A);
        assertThat(posterior[Outcomes.A]).isCloseTo(0.4 * 0.7 / (0.4 * 0.7 + 0.4 * 0.1 + 0.1 * 0.1 * 2), within(1e-9));
    }

    @Test
    void startingFromTheLastFitReachesTheSameDecisionsSooner() {
        SyntheticCrowd synthetic = new SyntheticCrowd(mixedCrowd(), 3000, 5, 0, 5);
        DawidSkene.Fit cold = DawidSkene.fit(synthetic.crowd(false), FLAGGING);

        DawidSkene.Fit warm = DawidSkene.fit(synthetic.crowd(false), FLAGGING,
                new DawidSkene.Start(cold.classPrior(), cold.confusion(), cold.flagged()));

        assertThat(warm.iterations()).isLessThan(cold.iterations());
        assertThat(warm.flagged()).containsExactly(cold.flagged());
        int differ = 0;
        for (int p = 0; p < synthetic.truth.length; p++) {
            differ += warm.decision(p) == cold.decision(p) ? 0 : 1;
            assertThat(warm.confidence(p)).isCloseTo(cold.confidence(p), within(0.05));
        }
        assertThat(differ).isLessThanOrEqualTo(3);
    }

    @Test
    void anEmptyCrowdFitsToThePrior() {
        Crowd crowd = Crowd.of(0, 0, 0, new int[0], new int[0], new byte[0], new boolean[0], new byte[0]);

        DawidSkene.Fit fit = DawidSkene.fit(crowd, FLAGGING);

        assertThat(fit.posterior()).isEmpty();
        assertThat(fit.classPrior()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    /**
     * 40 pairs, each judged alike by three steady judges; a fourth judge has judged one pair and disagreed on it.
     * One honest disagreement puts the estimate below 0.6: a judge is flagged only after flag-after judgments.
     */
    @Test
    void oneDisagreementDoesNotFlagANewJudge() {
        int pairs = 40;
        int votes = pairs * 3 + 1;
        int[] pair = new int[votes];
        int[] judge = new int[votes];
        byte[] outcome = new byte[votes];
        boolean[] aShownLeft = new boolean[votes];
        Random random = new Random(7);
        int v = 0;
        for (int p = 0; p < pairs; p++) {
            for (int j = 0; j < 3; j++) {
                pair[v] = p;
                judge[v] = j;
                outcome[v] = (byte) (p % 2 == 0 ? Outcomes.A : Outcomes.B);
                aShownLeft[v] = random.nextBoolean();
                v++;
            }
        }
        pair[v] = 0;
        judge[v] = 3;
        outcome[v] = Outcomes.B;
        aShownLeft[v] = true;
        byte[] gold = new byte[pairs];
        Arrays.fill(gold, (byte) -1);
        Crowd crowd = Crowd.of(pairs, 4, votes, pair, judge, outcome, aShownLeft, gold);

        DawidSkene.Fit fit = DawidSkene.fit(crowd, FLAGGING);
        DawidSkene.Fit fromTheFirstJudgment = DawidSkene.fit(crowd, new DawidSkene.Flagging(0.6, 1));

        assertThat(fit.accuracy()[3]).isLessThan(0.6);
        assertThat(fit.flagged()).containsExactly(false, false, false, false);
        assertThat(fromTheFirstJudgment.flagged()).containsExactly(false, false, false, true);
    }
}
