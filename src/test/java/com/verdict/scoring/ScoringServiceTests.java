package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.judging.JudgmentResult;
import com.verdict.judging.Outcome;
import com.verdict.judging.Scorekeeper;
import com.verdict.people.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

@VerdictTest
@RecordApplicationEvents
class ScoringServiceTests {

    /** Ids for judgments this test writes itself, far from any the sequences hand out. */
    private static final AtomicLong OWN_IDS = new AtomicLong(-1_000_000);

    @Autowired
    JudgingService judging;
    @Autowired
    ScoringService scoring;
    @Autowired
    com.verdict.catalog.CatalogService catalog;
    @Autowired
    Scorekeeper scorekeeper;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;

    Judges judges;

    @BeforeEach
    void cleanCatalog() {
        data.clearCatalog();
        judges = new Judges(judging);
    }

    /** Scoring's decisions as the catalog counts them for coverage (the Team view, the nightly notice). */
    @Test
    void coverageCountsAsDecidedWhatTheDatasetTakesAndLeavesRetiredOut() {
        data.interactions("cov", 3);
        crowd(3).forEach(judge -> judges.voteAll(judge,
                deal -> deal.interactionId().equals("cov-1") ? com.verdict.judging.Outcome.TIE
                        : com.verdict.judging.Outcome.A));
        jdbc.update("update interaction set retired = true where external_id = 'cov-2'");

        com.verdict.catalog.CategoryCount openQa = catalog.categoryCounts().stream()
                .filter(c -> c.category() == com.verdict.catalog.Category.OPEN_QA).findFirst().orElseThrow();

        assertThat(jdbc.queryForList("select d.state from interaction_decision d join interaction i "
                + "on i.id = d.interaction_id", String.class)).containsOnly("SETTLED");
        assertThat(openQa.decided()).as("cov-0 decided; cov-1 a tie; cov-2 retired").isEqualTo(1);
        assertThat(openQa.interactions()).isEqualTo(2);
    }

    @Test
    void threeAgreeingJudgmentsSettleThePairAndStopItsDealing() {
        data.interactions("settle", 1);
        List<Person> crowd = crowd(3);

        crowd.forEach(judge -> judges.vote(judge, Outcomes.A).orElseThrow());

        long interactionId = onlyInteraction();
        InteractionConsensus consensus = scoring.consensus(interactionId);
        assertThat(consensus.state()).isEqualTo(ConsensusState.SETTLED);
        assertThat(consensus.outcome()).isEqualTo(InteractionOutcome.BEST);
        assertThat(consensus.bestCandidateId()).isEqualTo(candidate(interactionId, 0));
        assertThat(consensus.confidence()).isGreaterThan(0.99);
        assertThat(scoring.decided(0, 10)).containsExactly(
                new DecidedInteraction(interactionId, candidate(interactionId, 0), consensus.confidence(), 3));
        assertThat(judges.deal(data.user("late"))).isEmpty();
        assertThat(events.stream(InteractionStateChanged.class))
                .containsExactly(new InteractionStateChanged(interactionId, ConsensusState.SETTLED));
    }

    @Test
    void aSplitPairIsDealtOneMoreAtATimeUpToTheLimitThenContested() {
        data.interactions("split", 1);
        int[] votes = {Outcomes.A, Outcomes.B, Outcomes.TIE, Outcomes.BOTH_BAD, Outcomes.TIE};

        for (int i = 0; i < votes.length; i++) {
            assertThat(judges.vote(data.user("judge"), votes[i])).as("judgment %d", i + 1).isPresent();
            long interactionId = onlyInteraction();
            assertThat(scoring.status(interactionId))
                    .isEqualTo(i < votes.length - 1 ? ConsensusState.OPEN : ConsensusState.CONTESTED);
        }

        assertThat(judges.deal(data.user("sixth"))).isEmpty();
        PairConsensus pair = scoring.pairsOf(onlyInteraction()).get(0);
        assertThat(pair.state()).isEqualTo(ConsensusState.CONTESTED);
        assertThat(pair.judgments()).isEqualTo(5);
        assertThat(scoring.decided(0, 10)).isEmpty();
        assertThat(scoring.decidedPairs(0, 10)).isEmpty();
        assertThat(scoring.interactions(0, 10, Set.of(ConsensusState.CONTESTED))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from points_entry where kind <> 'BASE'", Long.class)).isZero();
    }

    @Test
    void consensusBonusesArriveWhenThePairSettles() {
        data.interactions("bonus", 1);
        List<Person> crowd = crowd(3);

        JudgmentResult first = judges.vote(crowd.get(0), Outcomes.B).orElseThrow();
        judges.vote(crowd.get(1), Outcomes.B).orElseThrow();
        assertThat(first.totalPoints()).isEqualTo(1);
        assertThat(scoring.row(crowd.get(0).id()).points()).isEqualTo(1);

        JudgmentResult settling = judges.vote(crowd.get(2), Outcomes.B).orElseThrow();

        assertThat(settling.points()).isEqualTo(3);
        for (Person judge : crowd) {
            MyStats stats = scoring.myStats(judge.id());
            assertThat(stats.points()).isEqualTo(3);
            assertThat(stats.breakdown()).containsEntry(PointsKind.BASE, 1L).containsEntry(PointsKind.CONSENSUS, 2L);
            assertThat(stats.agreed()).isEqualTo(1);
            assertThat(stats.settled()).isEqualTo(1);
        }
        DecidedPair decided = scoring.decidedPairs(0, 10).get(0);
        long interactionId = onlyInteraction();
        assertThat(decided.chosenCandidateId()).isEqualTo(candidate(interactionId, 1));
        assertThat(decided.rejectedCandidateId()).isEqualTo(candidate(interactionId, 0));
        assertThat(decided.judgments()).isEqualTo(3);
    }

    @Test
    void aJudgeWhoDisagreedGetsNoBonusAndTheirStreakEnds() {
        data.interactions("dissent", 1);
        List<Person> crowd = crowd(3);
        judges.vote(crowd.get(0), Outcomes.A).orElseThrow();
        judges.vote(crowd.get(1), Outcomes.B).orElseThrow();
        judges.vote(crowd.get(2), Outcomes.A).orElseThrow();

        MyStats dissenter = scoring.myStats(crowd.get(1).id());
        assertThat(dissenter.points()).isEqualTo(1);
        assertThat(dissenter.settled()).isEqualTo(1);
        assertThat(dissenter.agreed()).isZero();
        assertThat(dissenter.streak()).isZero();
        assertThat(scoring.myStats(crowd.get(0).id()).points()).isEqualTo(3);
    }

    @Test
    void everyFifthAgreementInARowEarnsAStreakBonus() {
        data.interactions("streak", 5);
        List<Person> crowd = crowd(3);
        for (Person judge : crowd) {
            for (int i = 0; i < 5; i++) {
                judges.vote(judge, Outcomes.A).orElseThrow();
            }
        }

        for (Person judge : crowd) {
            MyStats stats = scoring.myStats(judge.id());
            assertThat(stats.breakdown()).containsEntry(PointsKind.BASE, 5L).containsEntry(PointsKind.CONSENSUS, 10L)
                    .containsEntry(PointsKind.STREAK, 5L);
            assertThat(stats.points()).isEqualTo(20);
            assertThat(stats.streak()).isEqualTo(5);
            assertThat(stats.recentAgreed()).isEqualTo(5);
            assertThat(stats.recentSettled()).isEqualTo(5);
        }
    }

    @Test
    void theBestOfThreeCandidatesIsRankedFromItsPairs() {
        data.importJsonl(TestData.interactionLine("three", 3));
        long interactionId = onlyInteraction();
        // A judge is dealt one pair of an interaction: nine judges give its three pairs three judgments each.
        for (Person judge : crowd(9)) {
            judges.vote(judge, Outcomes.A).orElseThrow();
        }

        InteractionConsensus consensus = scoring.consensus(interactionId);
        assertThat(consensus.state()).isEqualTo(ConsensusState.SETTLED);
        assertThat(consensus.bestCandidateId()).isEqualTo(candidate(interactionId, 0));
        assertThat(consensus.judgments()).isEqualTo(9);
        assertThat(consensus.pairs()).isEqualTo(3);
        assertThat(scoring.pairsOf(interactionId)).hasSize(3)
                .allSatisfy(p -> assertThat(p.decision()).isEqualTo(Decision.A));
    }

    @Test
    void aCycleOfThreeSettlesWithoutABestResponse() {
        data.importJsonl(TestData.interactionLine("cycle", 3));
        long interactionId = onlyInteraction();
        for (Person judge : crowd(9)) {
            Deal deal = judges.deal(judge).orElseThrow();
            int low = Math.min(deal.left().response(), deal.right().response());
            int high = Math.max(deal.left().response(), deal.right().response());
            // 0 beats 1, 1 beats 2, but 2 beats 0.
            int outcome = low == 0 && high == 2 ? Outcomes.B : Outcomes.A;
            judges.judge(judge, deal, Judges.verdictFor(deal, outcome));
        }

        InteractionConsensus consensus = scoring.consensus(interactionId);
        assertThat(consensus.state()).isEqualTo(ConsensusState.SETTLED);
        assertThat(consensus.outcome()).isEqualTo(InteractionOutcome.TIE);
        assertThat(consensus.bestCandidateId()).isNull();
        assertThat(scoring.decided(0, 10)).isEmpty();
        assertThat(scoring.decidedPairs(0, 10)).hasSize(3);
    }

    @Test
    void goldPairsSettleAtOnceAndEarnABonusOrAPenalty() {
        data.interactions("gold", 1);
        long pairId = jdbc.queryForObject("select id from pair", Long.class);
        Person right = data.user("right");
        Person wrong = data.user("wrong");

        Scorekeeper.Reward matched = award(recorded(right, pairId, Outcome.A, Outcome.A, false));
        Scorekeeper.Reward missed = award(recorded(wrong, pairId, Outcome.B, Outcome.A, false));

        assertThat(matched.points()).isEqualTo(3);
        assertThat(missed.points()).isZero();
        assertThat(scoring.myStats(wrong.id()).breakdown()).containsEntry(PointsKind.GOLD, -1L)
                .containsEntry(PointsKind.BASE, 1L);
        assertThat(scoring.myStats(right.id()).goldAccuracy()).isEqualTo(1.0);
        assertThat(scoring.myStats(wrong.id()).goldAccuracy()).isEqualTo(0.0);
        PairConsensus pair = scoring.pairsOf(onlyInteraction()).get(0);
        assertThat(pair.gold()).isTrue();
        assertThat(pair.state()).isEqualTo(ConsensusState.SETTLED);
        assertThat(pair.decision()).isEqualTo(Decision.A);
        assertThat(pair.confidence()).isEqualTo(1.0);
    }

    @Test
    void pointsByKindOfSomeJudgmentsShowGoldBonusesAndPenaltiesApart() {
        data.interactions("kinds", 3);
        List<Long> pairs = jdbc.queryForList("select id from pair order by id", Long.class);
        Person judge = data.user("judge");
        JudgmentRecorded right = recorded(judge, pairs.get(0), Outcome.A, Outcome.A, false);
        JudgmentRecorded wrong = recorded(judge, pairs.get(1), Outcome.B, Outcome.A, false);
        JudgmentRecorded leftOut = recorded(judge, pairs.get(2), Outcome.A, Outcome.A, false);
        List.of(right, wrong, leftOut).forEach(this::award);

        assertThat(scorekeeper.earned(judge.id(), List.of(right.judgmentId(), wrong.judgmentId()))).containsExactly(
                new Scorekeeper.Earned("Base", 2), new Scorekeeper.Earned("Gold bonus", 2),
                new Scorekeeper.Earned("Gold penalty", -1));
        assertThat(scorekeeper.earned(judge.id(), List.of())).isEmpty();
    }

    @Test
    void tooFastJudgmentsEarnNoPointsButCount() {
        data.interactions("fast", 1);
        long pairId = jdbc.queryForObject("select id from pair", Long.class);
        Person hasty = data.user("hasty");

        Scorekeeper.Reward reward = award(recorded(hasty, pairId, Outcome.A, null, true));

        assertThat(reward.points()).isZero();
        assertThat(scoring.row(hasty.id()).judgments()).isEqualTo(1);
        assertThat(scoring.row(hasty.id()).points()).isZero();
    }

    @Test
    void aRefitKeepsAgreedDecisionsAndRecordsWhatItDid() {
        data.interactions("refit", 4);
        for (Person judge : crowd(3)) {
            for (int i = 0; i < 4; i++) {
                judges.vote(judge, Outcomes.A).orElseThrow();
            }
        }
        long pointsBefore = jdbc.queryForObject("select sum(points) from judge_score", Long.class);

        RefitSummary summary = scoring.refit();

        assertThat(summary.judgments()).isEqualTo(12);
        assertThat(summary.judges()).isEqualTo(3);
        assertThat(summary.pairs()).isEqualTo(4);
        assertThat(summary.settledPairs()).isEqualTo(4);
        assertThat(summary.flaggedJudges()).isZero();
        assertThat(scoring.decided(0, 10)).hasSize(4);
        assertThat(jdbc.queryForObject("select sum(points) from judge_score", Long.class)).isEqualTo(pointsBefore);
        assertThat(scoring.lastRefit()).hasValueSatisfying(last -> {
            assertThat(last.judgments()).isEqualTo(12);
            assertThat(last.fittedAt()).isEqualTo(summary.fittedAt());
        });
        assertThat(scoring.judges()).hasSize(3).allSatisfy(j -> {
            assertThat(j.judgments()).isEqualTo(4);
            assertThat(j.agreement()).isEqualTo(1.0);
            assertThat(j.flagged()).isFalse();
        });
        assertThat(scoring.agreement()).first().satisfies(overall -> {
            assertThat(overall.scope()).isEqualTo("OVERALL");
            assertThat(overall.units()).isEqualTo(4);
            assertThat(overall.alpha()).isNull();
        });
    }

    private List<Person> crowd(int size) {
        List<Person> crowd = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            crowd.add(data.user("judge"));
        }
        return crowd;
    }

    private long onlyInteraction() {
        return jdbc.queryForObject("select id from interaction", Long.class);
    }

    private long candidate(long interactionId, int position) {
        return jdbc.queryForObject("select id from candidate where interaction_id = ? and position = ?", Long.class,
                interactionId, position);
    }

    private Scorekeeper.Reward award(JudgmentRecorded judgment) {
        return transactions.execute(tx -> scorekeeper.award(judgment));
    }

    /**
     * A judgment stored the way judging stores one (A shown on the left), for what judging cannot yet send on
     * this branch: gold answers and too-fast judgments.
     */
    private JudgmentRecorded recorded(Person judge, long pairId, Outcome outcome, Outcome gold, boolean tooFast) {
        Map<String, Object> pair = jdbc.queryForMap("select interaction_id, candidate_a, candidate_b from pair "
                + "where id = ?", pairId);
        long assignmentId = OWN_IDS.decrementAndGet();
        long judgmentId = OWN_IDS.decrementAndGet();
        Instant now = Instant.now();
        jdbc.update("insert into assignment (id, judge_id, pair_id, interaction_id, left_candidate, state, dealt_at, "
                + "closed_at) values (?, ?, ?, ?, ?, 'JUDGED', ?, ?)", assignmentId, judge.id(), pairId,
                pair.get("interaction_id"), pair.get("candidate_a"), java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now));
        jdbc.update("insert into judgment (id, assignment_id, judge_id, pair_id, verdict, outcome, time_on_task_ms, "
                        + "too_fast, points, total_points, created_at) values (?, ?, ?, ?, ?, ?, 5000, ?, 0, 0, ?)",
                judgmentId, assignmentId, judge.id(), pairId, outcome == Outcome.A ? "LEFT" : "RIGHT", outcome.name(),
                tooFast, java.sql.Timestamp.from(now));
        return new JudgmentRecorded(judgmentId, judge.id(), pairId, ((Number) pair.get("interaction_id")).longValue(),
                ((Number) pair.get("candidate_a")).longValue(), ((Number) pair.get("candidate_b")).longValue(),
                outcome, gold, true, Duration.ofSeconds(5), tooFast, now);
    }
}
