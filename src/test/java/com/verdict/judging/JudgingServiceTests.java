package com.verdict.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import com.verdict.people.Person;
import com.verdict.scoring.Judges;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@VerdictTest
class JudgingServiceTests {

    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanCatalog() {
        data.clearCatalog();
    }

    @Test
    void dealsThePairWithFewestJudgmentsFirst() {
        data.interactions("few", 2);
        Person first = data.user("judge");
        Deal dealt = judging.next(first.id(), null).orElseThrow();
        judging.judge(first.id(), dealt.assignmentId(), Verdict.LEFT, null);

        Person second = data.user("judge");
        Deal next = judging.next(second.id(), null).orElseThrow();

        assertThat(next.interactionId()).isNotEqualTo(dealt.interactionId());
    }

    @Test
    void repeatedSubmitReturnsTheFirstResultAndAnotherVerdictIsRefusedChangingNothing() {
        data.interactions("idem", 1);
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();

        JudgmentResult first = judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, "clearer");
        JudgmentResult again = judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, "clearer, I said");

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> judging.judge(judge.id(), deal.assignmentId(), Verdict.RIGHT, "changed my mind"))
                .isInstanceOfSatisfying(AssignmentJudged.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.standing()).isEqualTo(Verdict.LEFT);
                    assertThat(e.getMessage()).isEqualTo("Assignment " + deal.assignmentId()
                            + " is judged LEFT already: that verdict stands, and RIGHT was not recorded");
                });
        assertThat(data.count("judgment")).isEqualTo(1);
        assertThat(data.count("points_entry")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select verdict from judgment", String.class)).isEqualTo("LEFT");
        assertThat(jdbc.queryForObject("select points from judge_score where judge_id = ?", Long.class, judge.id()))
                .isEqualTo(1);
    }

    // Repeated: the races it guards against (on H2, a judged assignment still read open by the submit that lost,
    // or its judgment visible a moment after it) failed about 7% of runs, and then 1 in 400 on a busy machine, before
    // JudgingService waited for what the winning submit committed.
    @RepeatedTest(50)
    void concurrentRepeatedSubmitsRecordOneJudgment() throws Exception {
        data.interactions("race", 1);
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();

        List<JudgmentResult> results = all(8, i -> judging.judge(judge.id(), deal.assignmentId(), Verdict.TIE, null));

        assertThat(new HashSet<>(results)).hasSize(1);
        assertThat(data.count("judgment")).isEqualTo(1);
        assertThat(data.count("points_entry")).isEqualTo(1);
    }

    @Test
    void neverDealsAJudgeAPairTheyAlreadyJudgedOrSkipped() {
        data.interactions("once", 3);
        Person judge = data.user("judge");
        Set<String> seen = new HashSet<>();
        Deal first = judging.next(judge.id(), null).orElseThrow();
        judging.skip(judge.id(), first.assignmentId());
        seen.add(first.interactionId());
        Optional<Deal> next;
        while ((next = judging.next(judge.id(), null)).isPresent()) {
            assertThat(seen.add(next.get().interactionId())).as("dealt again: " + next.get().interactionId()).isTrue();
            judging.judge(judge.id(), next.get().assignmentId(), Verdict.LEFT, null);
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void stopsDealingAPairOnceItHasEnoughJudgments() {
        data.interactions("k", 1);
        for (int i = 0; i < 3; i++) {
            Person judge = data.user("judge");
            Deal deal = judging.next(judge.id(), null).orElseThrow();
            judging.judge(judge.id(), deal.assignmentId(), Verdict.RIGHT, null);
        }
        Person fourth = data.user("judge");

        assertThat(judging.next(fourth.id(), null)).isEmpty();
    }

    @Test
    void aJudgedAssignmentCannotBeSkippedAndASecondSkipChangesNothing() {
        data.interactions("skips", 2);
        Person judge = data.user("judge");
        Deal judged = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), judged.assignmentId(), Verdict.LEFT, null);

        assertThatThrownBy(() -> judging.skip(judge.id(), judged.assignmentId()))
                .isInstanceOf(ApiException.class).hasMessageContaining("judged already")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        Deal skipped = judging.next(judge.id(), null).orElseThrow();
        judging.skip(judge.id(), skipped.assignmentId());
        judging.skip(judge.id(), skipped.assignmentId());
        assertThat(jdbc.queryForObject("select count(*) from judgment where judge_id = ?", Long.class, judge.id()))
                .isEqualTo(1);
    }

    @Test
    void openAssignmentsHoldSlotsAndASkipGivesItsSlotBack() {
        data.interactions("slots", 1);
        List<Deal> deals = new ArrayList<>();
        List<Person> judges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            judges.add(data.user("judge"));
            deals.add(judging.next(judges.get(i).id(), null).orElseThrow());
        }
        Person late = data.user("judge");
        assertThat(judging.next(late.id(), null)).isEmpty();

        judging.skip(judges.get(0).id(), deals.get(0).assignmentId());

        assertThat(judging.next(late.id(), null)).isPresent();
    }

    @Test
    void concurrentJudgesNeverTakeThePairsLastSlotTwice() throws Exception {
        data.interactions("last", 1);
        for (int i = 0; i < 2; i++) {
            Person judge = data.user("judge");
            judging.next(judge.id(), null).orElseThrow();
        }
        List<Person> rivals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rivals.add(data.user("rival"));
        }

        List<Optional<Deal>> deals = all(rivals.size(), i -> judging.next(rivals.get(i).id(), null));

        assertThat(deals.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reserved from pair_pool", Integer.class)).isEqualTo(3);
        assertThat(data.count("assignment")).isEqualTo(3);
    }

    @Test
    void reopeningResumesTheOpenAssignment() {
        data.interactions("resume", 2);
        Person judge = data.user("judge");
        Deal first = judging.next(judge.id(), null).orElseThrow();

        assertThat(judging.next(judge.id(), null).orElseThrow().assignmentId()).isEqualTo(first.assignmentId());
    }

    @Test
    void someoneElsesAssignmentIsNotFound() {
        data.interactions("mine", 1);
        Person owner = data.user("judge");
        Person other = data.user("judge");
        Deal deal = judging.next(owner.id(), null).orElseThrow();

        assertThatThrownBy(() -> judging.judge(other.id(), deal.assignmentId(), Verdict.LEFT, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(data.count("judgment")).isZero();
    }

    @Test
    void verdictIsStoredInCandidateTermsWhateverTheSide() {
        data.interactions("side", 1);
        Person judge = data.user("judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();

        judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null);

        String expected = deal.left().response() == 0 ? "A" : "B";
        assertThat(jdbc.queryForObject("select outcome from judgment", String.class)).isEqualTo(expected);
        long left = jdbc.queryForObject("select left_candidate from assignment", Long.class);
        assertThat(jdbc.queryForObject("select position from candidate where id = ?", Integer.class, left))
                .isEqualTo(deal.left().response());
    }

    @Test
    void aRoundDealsItsSizeThenEnds() {
        data.interactions("round", 12);
        Person judge = data.user("judge");
        RoundProgress round = judging.startRound(judge.id());
        int judged = 0;
        Optional<Deal> deal;
        while ((deal = judging.next(judge.id(), round.roundId())).isPresent()) {
            assertThat(deal.get().progress().done()).isEqualTo(judged);
            judging.judge(judge.id(), deal.get().assignmentId(), Verdict.TIE, null);
            judged++;
        }
        RoundProgress done = judging.progress(judge.id(), round.roundId());

        assertThat(judged).isEqualTo(10);
        assertThat(done.done()).isEqualTo(10);
        assertThat(done.points()).isEqualTo(10);
        assertThat(done.finished()).isTrue();
    }

    @Test
    void aRoundSummaryTellsPointsByKindAndTheEarlierPairsThatSettledSinceTheLastSummary() {
        data.interactions("earlier", 10);
        Person judge = data.user("judge");
        Judges crowd = new Judges(judging);
        List<Person> others = List.of(data.user("other"), data.user("other"));
        long first = playRound(judge, Verdict.TIE);

        RoundSummary firstSummary = judging.summary(judge.id(), first);
        assertThat(firstSummary.earned()).containsExactly(new Scorekeeper.Earned("Base", 10));
        assertThat(firstSummary.settledSinceLastTime()).isEqualTo(new Scorekeeper.Settled(0, 0, 0));

        // The others settle the round's pairs as the judge voted, a tie, but for one: they prefer response A there.
        others.forEach(o -> crowd.voteAll(o,
                deal -> deal.interactionId().equals("earlier-9") ? Outcome.A : Outcome.TIE));
        data.interactions("later", 5);
        others.forEach(o -> crowd.voteAll(o, deal -> Outcome.TIE));
        long second = playRound(judge, Verdict.TIE);

        RoundSummary summary = judging.summary(judge.id(), second);

        // However the nine agreements fall around the disagreement, they make one run of five: one streak bonus.
        assertThat(summary.settledSinceLastTime()).isEqualTo(new Scorekeeper.Settled(10, 9, 9 * 2 + 5));
        // The round's own pairs settled as the judge voted; five more agreements reach a multiple of five once.
        assertThat(summary.earned()).containsExactly(new Scorekeeper.Earned("Base", 5),
                new Scorekeeper.Earned("Consensus", 10), new Scorekeeper.Earned("Agreement streak", 5));
        assertThat(summary.points()).isEqualTo(20);
        assertThat(summary.progress().done()).isEqualTo(5);
        RoundSummary firstAgain = judging.summary(judge.id(), first);
        assertThat(firstAgain.settledSinceLastTime()).as("the same window as when first shown")
                .isEqualTo(new Scorekeeper.Settled(0, 0, 0));
        assertThat(firstAgain.points()).as("with what its pairs earned since").isEqualTo(10 + 9 * 2 + 5);
        long third = playRound(judge, Verdict.TIE);
        assertThat(judging.summary(judge.id(), third).settledSinceLastTime()).as("all told last time already")
                .isEqualTo(new Scorekeeper.Settled(0, 0, 0));
    }

    /** Plays a whole round, giving every pair the same verdict; returns the round's id. */
    private long playRound(Person judge, Verdict verdict) {
        long roundId = judging.startRound(judge.id()).roundId();
        Optional<Deal> deal;
        while ((deal = judging.next(judge.id(), roundId)).isPresent()) {
            judging.judge(judge.id(), deal.get().assignmentId(), verdict, null);
        }
        return roundId;
    }

    @Test
    void aJudgeAtTheDailyCapIsDealtNoNewPairUntilTheirDayIsOver() {
        int cap = 500;
        Person judge = data.user("judge");
        data.judgedNow(judge, cap - 1);
        data.interactions("beyond", 2);
        Deal open = judging.next(judge.id(), null).orElseThrow();
        judging.judge(judge.id(), open.assignmentId(), Verdict.LEFT, null);

        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThatThrownBy(() -> judging.next(judge.id(), null)).isInstanceOfSatisfying(DailyCapReached.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(e.cap()).isEqualTo(cap);
            assertThat(e.resetsAt()).isEqualTo(midnight);
        });
        assertThatThrownBy(() -> judging.startRound(judge.id())).isInstanceOf(DailyCapReached.class);
        assertThat(jdbc.queryForObject("select count(*) from round where judge_id = ?", Long.class, judge.id())).isZero();

        jdbc.update("update judgment set created_at = ? where judge_id = ?",
                Timestamp.from(midnight.minus(Duration.ofDays(1)).minusSeconds(1)), judge.id());
        assertThat(judging.next(judge.id(), null)).isPresent();
    }

    /** Runs the task on {@code threads} threads released together; the task gets its thread's index. */
    private static <T> List<T> all(int threads, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
