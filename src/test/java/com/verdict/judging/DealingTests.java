package com.verdict.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.catalog.CatalogService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@VerdictTest
class DealingTests {

    @Autowired
    JudgingService judging;
    @Autowired
    CatalogService catalog;
    @Autowired
    AssignmentExpiry expiry;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void cleanCatalog() {
        data.clearCatalog();
    }

    @Test
    void goldPairsAreDealtAtTheGoldRate() {
        data.importJsonl(goldLines("gold", 60));
        data.interactions("plain", 400);
        Person judge = data.user("judge");

        int gold = 0;
        int dealt = 300;
        for (int i = 0; i < dealt; i++) {
            Deal deal = judging.next(judge.id(), null).orElseThrow();
            JudgmentResult result = judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
            if (result.gold() != null) {
                gold++;
            }
        }

        // The running balance keeps a judge near the rate, 30 of 300: a simulation of the rule found 27 to 31 in
        // 200,000 runs (27 in 0.03% of them).
        assertThat(gold).isBetween(26, 34);
    }

    @Test
    void aJudgeIsDealtOnePairOfAnInteractionSoNoResponseComesBackWithItsSourceKnown() {
        // Four responses, six pairs each; the gold one makes the three pairs with answer 0 gold.
        data.importJsonl(TestData.interactionLine("four", 4) + "\n" + TestData.interactionLine("skipped", 4) + "\n"
                + TestData.interactionLine("gold", 4).replace("\"responses\"",
                        "\"gold\": {\"best\": 0, \"why\": \"Answer 0 is right\"}, \"responses\""));
        Person judge = data.user("judge");

        Set<String> dealt = new HashSet<>();
        int deals = 0;
        for (Optional<Deal> next = judging.next(judge.id(), null); next.isPresent();
                next = judging.next(judge.id(), null)) {
            Deal deal = next.get();
            deals++;
            dealt.add(deal.interactionId());
            // A skipped pair's interaction is passed over as well: the judge has read its responses.
            if (deal.interactionId().equals("skipped")) {
                judging.skip(judge.id(), deal.assignmentId());
            } else {
                judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
            }
        }

        // Gold comes only alongside other work, so the gold interaction may or may not have been dealt.
        assertThat(dealt).contains("four", "skipped").isSubsetOf("four", "skipped", "gold");
        assertThat(deals).isEqualTo(dealt.size());
        assertThat(judging.next(data.user("judge").id(), null)).isPresent();
    }

    @Test
    void goldPairsLookLikeAnyOtherAndAnswerWithWhetherTheJudgeMatchedAndWhy() {
        data.importJsonl(goldLines("one-gold", 1));
        data.interactions("work", 60);
        Person judge = data.user("judge");
        Deal deal = untilGold(judge);
        Verdict expected = deal.left().response() == 0 ? Verdict.LEFT : Verdict.RIGHT;

        JudgmentResult result = judging.judge(judge.id(), deal.assignmentId(), expected, null);

        assertThat(result.gold()).isEqualTo(new GoldFeedback(true, expected, "Answer 0 is right"));
        assertThat(judging.goldAccuracy(judge.id())).isEqualTo(new GoldAccuracy(1, 1));
        assertThat(jdbc.queryForObject("select gold_matched from judgment where assignment_id = ?", Boolean.class,
                deal.assignmentId())).isTrue();
    }

    @Test
    void aMissedGoldPairSaysWhichSideWasExpected() {
        data.importJsonl(goldLines("missed", 1));
        data.interactions("work", 60);
        Person judge = data.user("judge");
        Deal deal = untilGold(judge);
        Verdict expected = deal.left().response() == 0 ? Verdict.LEFT : Verdict.RIGHT;

        JudgmentResult result = judging.judge(judge.id(), deal.assignmentId(), Verdict.TIE, null);

        assertThat(result.gold().matched()).isFalse();
        assertThat(result.gold().expected()).isEqualTo(expected);
        assertThat(judging.goldAccuracy(judge.id())).isEqualTo(new GoldAccuracy(1, 0));
        assertThat(judging.goldAccuracy(judge.id()).rate()).isZero();
    }

    @Test
    void goldPairsNeverRunOutOfSlots() {
        data.importJsonl(goldLines("forever", 1));
        data.interactions("work", 150);
        for (int i = 0; i < 6; i++) {
            Person judge = data.user("judge");
            Deal deal = untilGold(judge);
            assertThat(judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null).gold()).isNotNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from judgment j join pair_pool pp on pp.pair_id = j.pair_id "
                + "where pp.gold = true", Integer.class)).isEqualTo(6);
    }

    @Test
    void goldIsNotDealtWhenNoOtherPairIsLeft() {
        data.importJsonl(goldLines("alone", 5));
        Person judge = data.user("judge");

        assertThat(judging.next(judge.id(), null)).isEmpty();
    }

    @Test
    void noGoldIsDealtAtRateZeroOfTheOtherPairsWhenGoldIsMissing() {
        data.interactions("no-gold", 20);
        Person judge = data.user("judge");
        for (int i = 0; i < 20; i++) {
            Deal deal = judging.next(judge.id(), null).orElseThrow();
            assertThat(judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null).gold()).isNull();
        }
        assertThat(jdbc.queryForObject("select due from judge_gold_due where judge_id = ?", Double.class, judge.id()))
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void aPairAnotherTransactionIsDealingIsPassedOverInsteadOfWaitedFor() throws Exception {
        data.interactions("busy", 4);
        long free = jdbc.queryForObject("select max(pair_id) from pair_pool", Long.class);
        // Another transaction (another instance's desk, say) is taking slots of every pair but one.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            Future<?> other = others.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.update("update pair_pool set reserved = reserved where pair_id <> ?", free);
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Person judge = data.user("judge");

            Future<Deal> deal = others.submit(() -> judging.next(judge.id(), null).orElseThrow());

            long dealt = deal.get(10, TimeUnit.SECONDS).assignmentId();
            assertThat(jdbc.queryForObject("select pair_id from assignment where id = ?", Long.class, dealt))
                    .isEqualTo(free);
            release.countDown();
            other.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            others.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anUnansweredAssignmentExpiresAndItsSlotReturnsToThePool() {
        data.interactions("ttl", 1);
        Person first = data.user("judge");
        Deal stale = judging.next(first.id(), null).orElseThrow();
        Person second = data.user("judge");
        judging.next(second.id(), null).orElseThrow();
        Person third = data.user("judge");
        judging.next(third.id(), null).orElseThrow();
        Person late = data.user("judge");
        assertThat(judging.next(late.id(), null)).isEmpty();

        age(stale.assignmentId(), Duration.ofMinutes(31));
        // Until expired: while the scheduled expiry holds its cluster-wide lock, this call is skipped, and that run
        // may have read the assignments before this one aged.
        Awaitility.await("assignment expired").atMost(Duration.ofSeconds(20)).until(() -> {
            expiry.expireOverdue();
            return "EXPIRED".equals(jdbc.queryForObject("select state from assignment where id = ?", String.class,
                    stale.assignmentId()));
        });
        assertThat(judging.next(late.id(), null)).isPresent();
        assertThatThrownBy(() -> judging.judge(first.id(), stale.assignmentId(), Verdict.LEFT, null))
                .isInstanceOfSatisfying(com.verdict.base.ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains("expired").contains("30 minutes");
                });
        assertThat(data.count("judgment")).isZero();
    }

    @Test
    void aLateJudgmentBeforeTheJobRunsIsRefusedAndTheExpiryKept() {
        data.interactions("late", 2);
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        age(deal.assignmentId(), Duration.ofHours(1));

        assertThatThrownBy(() -> judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null))
                .isInstanceOf(AssignmentExpired.class);

        assertThat(jdbc.queryForObject("select state from assignment where id = ?", String.class,
                deal.assignmentId())).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select reserved from pair_pool pp join assignment a on a.pair_id = pp.pair_id "
                + "where a.id = ?", Integer.class, deal.assignmentId())).isZero();
    }

    @Test
    void anOverdueOpenAssignmentIsNotResumedButReplacedByAnotherPair() {
        data.interactions("resume", 2);
        Person judge = data.user("judge");
        Deal first = judging.next(judge.id(), null).orElseThrow();
        age(first.assignmentId(), Duration.ofMinutes(45));

        Deal next = judging.next(judge.id(), null).orElseThrow();

        assertThat(next.assignmentId()).isNotEqualTo(first.assignmentId());
        assertThat(next.interactionId()).isNotEqualTo(first.interactionId());
    }

    @Test
    void aRetiredInteractionIsNoLongerDealtButKeepsItsJudgments() {
        data.interactions("retire", 1);
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);
        long interactionId = jdbc.queryForObject("select id from interaction", Long.class);
        data.signIn(data.user("engineer", null, Role.ENGINEER));

        catalog.retire(interactionId);

        assertThat(judging.next(data.user("judge").id(), null)).isEmpty();
        assertThat(data.count("judgment")).isEqualTo(1);
        assertThat(data.count("pair_pool")).isZero();
    }

    @Test
    void dealingReadsTheQueueFromItsIndexWithoutSorting() {
        // The plans checked here are H2's, the embedded default; PostgreSQL words its plans differently.
        assumeTrue(data.onH2(), "H2's query plans");
        String plan = jdbc.queryForObject("explain " + """
                select pp.pair_id, pp.reserved from pair_pool pp
                where pp.dealable = true
                  and not exists (select 1 from assignment a
                                  where a.judge_id = 1 and a.interaction_id = pp.interaction_id)
                order by pp.dealable, pp.reserved, pp.created_at, pp.pair_id
                fetch first 32 rows only""", String.class);

        assertThat(plan).contains("PUBLIC.PAIR_POOL_QUEUE: DEALABLE = TRUE").contains("/* index sorted */")
                .contains("PUBLIC.ASSIGNMENT_JUDGE_INTERACTION: JUDGE_ID")
                .contains("INTERACTION_ID = PP.INTERACTION_ID");
        String goldPlan = jdbc.queryForObject("explain select pp.pair_id from pair_pool pp where pp.gold = true "
                + "and pp.pair_id >= 0 order by pp.gold, pp.pair_id fetch first 8 rows only", String.class);
        assertThat(goldPlan).contains("PUBLIC.PAIR_POOL_GOLD: GOLD = TRUE").contains("/* index sorted */");
        String openPlan = jdbc.queryForObject("explain select a.id from assignment a where a.judge_id = 1 "
                + "and a.state = 'OPEN' order by a.judge_id, a.state, a.id desc fetch first 1 rows only", String.class);
        assertThat(openPlan).contains("PUBLIC.ASSIGNMENT_JUDGE_STATE: JUDGE_ID");
    }

    @Test
    void concurrentJudgesGetDifferentSlotsOfTheSamePairButNeverMoreThanItHas() throws Exception {
        data.interactions("race", 1);
        Set<Long> assignments = new HashSet<>();
        var judges = IntStream.range(0, 6).mapToObj(i -> data.user("racer")).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = judges.stream().map(j -> pool.submit(() -> judging.next(j.id(), null))).toList();
            for (var future : futures) {
                Optional<Deal> deal = future.get();
                deal.ifPresent(d -> assignments.add(d.assignmentId()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(assignments).hasSize(3);
        assertThat(jdbc.queryForObject("select reserved from pair_pool", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select dealable from pair_pool", Boolean.class)).isFalse();
    }

    /**
     * Deals and answers non-gold pairs until a gold pair is dealt. Once a judge is a pair behind, each deal is
     * gold with a chance of 0.4, so 60 deals without one would happen about once in 10^13.
     */
    private Deal untilGold(Person judge) {
        for (int i = 0; i < 60; i++) {
            Deal deal = judging.next(judge.id(), null).orElseThrow();
            boolean gold = jdbc.queryForObject("select pp.gold from pair_pool pp join assignment a on a.pair_id = pp.pair_id"
                    + " where a.id = ?", Boolean.class, deal.assignmentId());
            if (gold) {
                return deal;
            }
            judging.judge(judge.id(), deal.assignmentId(), Verdict.TIE, null);
        }
        throw new AssertionError("no gold pair dealt in 60 deals");
    }

    private void age(long assignmentId, Duration by) {
        jdbc.update("update assignment set dealt_at = ? where id = ?", Timestamp.from(Instant.now().minus(by)),
                assignmentId);
    }

    /** {@code count} gold interactions of two responses, response 0 known better. */
    private static String goldLines(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> TestData.interactionLine(prefix + "-" + i, 2)
                        .replace("\"responses\"", "\"gold\": {\"best\": 0, \"why\": \"Answer 0 is right\"}, \"responses\""))
                .collect(Collectors.joining("\n"));
    }
}
