package com.verdict.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import com.verdict.base.Durability;
import com.verdict.people.Person;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Requests that meet in one of the desk's batches: each is answered as if it had been alone. */
@VerdictTest
class JudgingDeskTests {

    @Autowired
    JudgingDesk desk;
    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    EntityManager entities;
    @Autowired
    Durability durability;
    @Autowired
    DataSource dataSource;

    /**
     * The gathering window of the desks built here: long, so that a wait for it cannot pass for a slow machine, nor
     * a stall of a busy one (a lone judge's call and its test's set-up take a few hundred milliseconds) for a wait.
     */
    private static final Duration GATHER = Duration.ofSeconds(2);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch fileHeld = new CountDownLatch(0);

    @BeforeEach
    void cleanCatalog() {
        data.clearCatalog();
    }

    @AfterEach
    void stopCallers() {
        release.countDown();
        fileHeld.countDown();
        callers.shutdownNow();
    }

    @Test
    void aRequestThatLostADeadlockToAnotherWriterRunsAgain() {
        AtomicInteger runs = new AtomicInteger();

        String answer = desk.run(service -> {
            if (runs.incrementAndGet() < JudgingDesk.ATTEMPTS) {
                throw new PessimisticLockingFailureException("deadlock detected");
            }
            return "judged";
        });

        assertThat(answer).isEqualTo("judged");
        assertThat(runs).hasValue(JudgingDesk.ATTEMPTS);
    }

    @Test
    void aRequestThatKeepsLosingFailsAfterItsLastRunAndOtherFailuresAreNotRunAgain() {
        AtomicInteger losing = new AtomicInteger();
        assertThatThrownBy(() -> desk.run(service -> {
            losing.incrementAndGet();
            throw new CannotAcquireLockException("lock wait timed out");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(losing).hasValue(JudgingDesk.ATTEMPTS);

        AtomicInteger broken = new AtomicInteger();
        assertThatThrownBy(() -> desk.run(service -> {
            broken.incrementAndGet();
            throw new IllegalStateException("a bug, not a lost race");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(broken).hasValue(1);
    }

    @Test
    void judgmentsThatArriveTogetherAreEachRecordedOnceWithTheirOwnPoints() throws Exception {
        data.interactions("together", 6);
        List<Person> judges = new ArrayList<>();
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            judges.add(data.user("judge"));
            deals.add(desk.next(judges.get(i).id(), null).orElseThrow());
        }

        holdTheDesk();
        List<Future<JudgmentResult>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person judge = judges.get(i);
            Deal deal = deals.get(i);
            results.add(call(() -> desk.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null)));
        }
        // The same judgment twice in one batch: one row, the same answer; another verdict for it is refused, alone.
        // Sent once the first ones wait, so that the LEFT verdict is the one recorded.
        awaitWaiting(6);
        Future<JudgmentResult> again = call(() -> desk.judge(judges.get(0).id(), deals.get(0).assignmentId(),
                Verdict.LEFT, null));
        Future<JudgmentResult> changed = call(() -> desk.judge(judges.get(0).id(), deals.get(0).assignmentId(),
                Verdict.RIGHT, null));
        letTheBatchGo(8);

        for (Future<JudgmentResult> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).points()).isEqualTo(1);
            assertThat(result.get().totalPoints()).isEqualTo(1);
        }
        assertThat(again.get(10, TimeUnit.SECONDS)).isEqualTo(results.get(0).get());
        assertThatThrownBy(() -> changed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AssignmentJudged.class);
        assertThat(data.count("judgment")).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from judgment where verdict = 'LEFT'", Long.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("select sum(points) from judge_score", Long.class)).isEqualTo(6);
    }

    @Test
    void aRefusedRequestFailsAloneAndAnExpiryItMadeIsKept() throws Exception {
        data.interactions("refused", 4);
        Person judge = data.user("judge");
        Person late = data.user("judge");
        Person other = data.user("judge");
        Deal deal = desk.next(judge.id(), null).orElseThrow();
        Deal overdue = desk.next(late.id(), null).orElseThrow();
        jdbc.update("update assignment set dealt_at = ? where id = ?", Timestamp.from(Instant.now().minus(
                Duration.ofHours(1))), overdue.assignmentId());

        holdTheDesk();
        Future<JudgmentResult> fine = call(() -> desk.judge(judge.id(), deal.assignmentId(), Verdict.TIE, null));
        Future<JudgmentResult> notTheirs = call(() -> desk.judge(other.id(), deal.assignmentId(), Verdict.TIE,
                null));
        Future<JudgmentResult> expired = call(() -> desk.judge(late.id(), overdue.assignmentId(), Verdict.TIE,
                null));
        letTheBatchGo(3);

        assertThat(fine.get(10, TimeUnit.SECONDS).points()).isEqualTo(1);
        assertThatThrownBy(() -> notTheirs.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ApiException.class)
                .cause().extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> expired.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AssignmentExpired.class);
        assertThat(state(overdue.assignmentId())).isEqualTo("EXPIRED");
        assertThat(state(deal.assignmentId())).isEqualTo("JUDGED");
        assertThat(data.count("judgment")).isEqualTo(1);
    }

    @Test
    void aBrokenRequestIsRolledBackWithoutTakingTheOthersWithIt() throws Exception {
        data.interactions("broken", 4);
        Person judge = data.user("judge");
        Person clumsy = data.user("judge");
        Deal deal = desk.next(judge.id(), null).orElseThrow();
        Deal skipped = desk.next(clumsy.id(), null).orElseThrow();

        holdTheDesk();
        Future<JudgmentResult> fine = call(() -> desk.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null));
        Future<Object> broken = call(() -> desk.run(service -> {
            service.skip(clumsy.id(), skipped.assignmentId());
            throw new IllegalStateException("broken after writing");
        }));
        letTheBatchGo(2);

        assertThat(fine.get(10, TimeUnit.SECONDS).points()).isEqualTo(1);
        assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(state(deal.assignmentId())).isEqualTo("JUDGED");
        assertThat(state(skipped.assignmentId())).as("the broken request's skip is rolled back").isEqualTo("OPEN");
    }

    @Test
    void dealsThatArriveTogetherNeverShareTheLastSlot() throws Exception {
        data.interactions("slots", 1);
        List<Person> judges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            judges.add(data.user("judge"));
        }

        holdTheDesk();
        List<Future<Boolean>> dealt = new ArrayList<>();
        for (Person judge : judges) {
            dealt.add(call(() -> desk.next(judge.id(), null).isPresent()));
        }
        letTheBatchGo(5);

        long withAPair = 0;
        for (Future<Boolean> deal : dealt) {
            withAPair += deal.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        // One interaction of two responses is one pair with three slots.
        assertThat(withAPair).isEqualTo(3);
        assertThat(data.count("assignment")).isEqualTo(3);
    }

    @Test
    void answersWaitForTheDatabaseFileWhileTheWriterRunsTheNextRequests() throws Exception {
        CountDownLatch fileWritten = new CountDownLatch(1);
        CountDownLatch waitingForTheFile = new CountDownLatch(1);
        Durability slowFile = new Durability(dataSource) {
            @Override
            public void awaitStored() {
                waitingForTheFile.countDown();
                try {
                    fileWritten.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.awaitStored();
            }
        };
        JudgingDesk pipelined = new JudgingDesk(judging, transactionManager, entities, slowFile,
                new SimpleMeterRegistry());
        try {
            Future<String> first = callers.submit(() -> pipelined.run(service -> "first"));
            assertThat(waitingForTheFile.await(5, TimeUnit.SECONDS)).isTrue();
            CountDownLatch secondRan = new CountDownLatch(1);
            Future<String> second = callers.submit(() -> pipelined.run(service -> {
                secondRan.countDown();
                return "second";
            }));

            assertThat(secondRan.await(5, TimeUnit.SECONDS)).as("the writer ran the second request").isTrue();
            assertThat(first).as("the first request, committed, its commit not yet in the file").isNotDone();
            assertThat(second).isNotDone();

            fileWritten.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            fileWritten.countDown();
            pipelined.close();
        }
    }

    @Test
    void whileJudgingIsBusyAnswersGatherIntoOneWriteOfTheFilePerWindowAndALoneJudgeNeverWaits() throws Exception {
        List<Long> writesStarted = new CopyOnWriteArrayList<>();
        JudgingDesk gathering = deskCountingWrites(true, writesStarted);
        try {
            long started = System.nanoTime();
            assertThat(answer(gathering, "lone")).isEqualTo("lone");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a lone judge's wait").isLessThan(GATHER);

            int writesBefore = writesOfABurst(gathering, writesStarted);

            assertThat(writesStarted).as("the burst's writes of the file").hasSize(writesBefore + 1);
            assertThat(Duration.ofNanos(writesStarted.get(writesBefore) - writesStarted.get(writesBefore - 1)))
                    .as("from the write for the first two to the next")
                    .isGreaterThanOrEqualTo(GATHER.multipliedBy(9).dividedBy(10));

            // The first request after the burst may still wait out the window; the judges after it, alone, do not.
            assertThat(answer(gathering, "after the burst")).isEqualTo("after the burst");
            started = System.nanoTime();
            assertThat(answer(gathering, "alone again")).isEqualTo("alone again");
            assertThat(answer(gathering, "and again")).isEqualTo("and again");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two lone judges' waits").isLessThan(GATHER);
        } finally {
            gathering.close();
        }
    }

    @Test
    void withoutADatabaseFileToWriteBusyJudgingIsAnsweredAtOnce() throws Exception {
        List<Long> writesStarted = new CopyOnWriteArrayList<>();
        JudgingDesk postgresLike = deskCountingWrites(false, writesStarted);
        try {
            long started = System.nanoTime();
            int writesBefore = writesOfABurst(postgresLike, writesStarted);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the burst's waits").isLessThan(GATHER);
            assertThat(writesStarted).as("waits for a file that is not there").hasSizeGreaterThan(writesBefore + 1);
        } finally {
            postgresLike.close();
        }
    }

    /**
     * A desk that gathers for {@link #GATHER}, with or without a database file, and notes when each write starts. A
     * write waits while {@link #fileHeld} is up.
     */
    private JudgingDesk deskCountingWrites(boolean fileToWrite, List<Long> writesStarted) throws SQLException {
        Durability counted = new Durability(dataSource) {
            @Override
            public boolean writesAFile() {
                return fileToWrite;
            }

            @Override
            public void awaitStored() {
                writesStarted.add(System.nanoTime());
                try {
                    fileHeld.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.awaitStored();
            }
        };
        return new JudgingDesk(judging, transactionManager, entities, counted, new SimpleMeterRegistry(), GATHER);
    }

    /**
     * Two requests answered by one write make judging busy: both are committed while the write before them waits
     * for the file. Then five come 20 ms apart. Returns how many writes had started before the five.
     */
    private int writesOfABurst(JudgingDesk busy, List<Long> writesStarted) throws Exception {
        fileHeld = new CountDownLatch(1);
        int writesBeforeTheHeldOne = writesStarted.size();
        Future<String> first = call(() -> answer(busy, "first"));
        await("the first request's write").until(() -> writesStarted.size() > writesBeforeTheHeldOne);
        List<Future<String>> together = List.of(call(() -> answer(busy, "a")), call(() -> answer(busy, "b")));
        await("a and b committed").pollInterval(Duration.ofMillis(5)).until(busy::answersWaiting, n -> n == 2);
        fileHeld.countDown();
        for (Future<String> answer : List.of(first, together.get(0), together.get(1))) {
            answer.get(5, TimeUnit.SECONDS);
        }
        int writesBefore = writesStarted.size();
        List<Future<String>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "burst " + i;
            burst.add(call(() -> answer(busy, name)));
            Thread.sleep(20);
        }
        for (Future<String> answer : burst) {
            answer.get(5, TimeUnit.SECONDS);
        }
        return writesBefore;
    }

    @Test
    void aClosedDeskFinishesWhatItHoldsAndRefusesTheRestWithA503() throws Exception {
        data.interactions("closing", 2);
        Person judge = data.user("judge");
        JudgingDesk closing = new JudgingDesk(judging, transactionManager, entities, durability, new SimpleMeterRegistry());
        Deal deal = closing.next(judge.id(), null).orElseThrow();

        closing.close();

        assertThatThrownBy(() -> closing.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, null))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(state(deal.assignmentId())).isEqualTo("OPEN");
    }

    /** Keeps the desk's writer busy until {@link #letTheBatchGo}, so that the requests after this meet in a batch. */
    private static String answer(JudgingDesk answering, String name) {
        return answering.run(service -> name);
    }

    private void holdTheDesk() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> desk.run(service -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), callers);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private void letTheBatchGo(int requests) throws InterruptedException {
        awaitWaiting(requests);
        release.countDown();
    }

    private void awaitWaiting(int requests) {
        await("%d requests waiting".formatted(requests)).pollInterval(Duration.ofMillis(5))
                .until(desk::waiting, waiting -> waiting >= requests);
        assertThat(desk.waiting()).isEqualTo(requests);
    }

    private <T> Future<T> call(Supplier<T> request) {
        return callers.submit(request::get);
    }

    private String state(long assignmentId) {
        return jdbc.queryForObject("select state from assignment where id = ?", String.class, assignmentId);
    }
}
