package com.verdict.judging;

import com.verdict.base.ApiException;
import com.verdict.base.Durability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the Play view and the REST API deal and judge: one thread runs the judges' requests as they come, as many
 * as are waiting in one transaction (group commit), and answers each only once that transaction is committed.
 * <p>
 * Why: a judgment must be on disk before the judge hears "saved", and a durable commit writes every page the
 * transaction changed, so committing judgments one by one costs more than judging them. Together they share the
 * commit and the board rows' writes, and one writer never waits for another's locks. With one request waiting
 * this is one transaction per request, as before.
 * <p>
 * The writer does not wait for its commits to reach the database file ({@link Durability#deferring}): a second
 * thread waits for that and only then answers the batch's requests, while the writer runs the next batch. A store
 * that waits behind a fold of the boards, a compaction step or a large commit then holds back the answers of the
 * requests already committed, not the judging of those queued behind them.
 * <p>
 * While judging is busy, the answers thread also gathers: at most one of its writes of the file starts each
 * {@link #GATHER}, and the requests committed meanwhile join the next. H2 writes a table's or an index's page once
 * per write of the file, however many judgments changed it, so fewer, larger writes write fewer pages. At 1,000
 * judgments/s that makes about 190 writes a second and cuts the CPU spent writing the file by a third, that of a
 * judgment by a sixth; the longest waits went with them (docs/BENCHMARKS.md). Judging counts as busy when the last
 * write answered more than one request: a lone judge never waits for the window. On PostgreSQL, whose commits are
 * durable when they return, nothing gathers.
 * <p>
 * A request that fails the way {@link JudgingService} expects (an {@link ApiException} that leaves the transaction
 * fit to commit: an expired assignment, the daily cap) fails alone. Anything else rolls the batch back and every
 * request in it is run again in a transaction of its own, so one request's failure never becomes another's. A
 * request that loses a deadlock or a lock wait there (to another instance's desk on the same database) runs again,
 * up to {@value #ATTEMPTS} times in all.
 */
@Component
public class JudgingDesk {

    static final int MAX_BATCH = 256;
    /** While judging is busy, the least time from the start of one write of the file to the start of the next. */
    static final Duration GATHER = Duration.ofMillis(5);
    /** Runs of a request that keeps losing deadlocks to other writers before its caller hears of it. */
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(JudgingDesk.class);

    private final JudgingService judging;
    private final TransactionTemplate transactions;
    private final EntityManager entities;
    private final Durability durability;
    private final BlockingQueue<Request<?>> waiting = new LinkedBlockingQueue<>();
    /** Requests the writer has run, committed or not, waiting for their commits to reach the file. */
    private final BlockingQueue<Request<?>> committed = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSizes;
    private final Counter retries;
    private final Timer stores;
    private final Thread writer;
    private final Thread answerer;
    private final long gatherNanos;
    private volatile boolean open = true;
    // The answers thread's own: when its last write of the file started, and how many requests that write answered.
    private long lastStoreStarted;
    private int lastAnswered;

    @Autowired
    JudgingDesk(JudgingService judging, PlatformTransactionManager transactionManager, EntityManager entities,
            Durability durability, MeterRegistry meters) {
        this(judging, transactionManager, entities, durability, meters, GATHER);
    }

    JudgingDesk(JudgingService judging, PlatformTransactionManager transactionManager, EntityManager entities,
            Durability durability, MeterRegistry meters, Duration gather) {
        this.judging = judging;
        // Gathering saves writes of H2's file; where there is none (PostgreSQL), it would only delay the answers.
        this.gatherNanos = durability.writesAFile() ? gather.toNanos() : 0;
        this.durability = durability;
        this.batchSizes = DistributionSummary.builder("verdict.judging.desk.batch")
                .description("Requests the judging desk committed together").register(meters);
        this.retries = Counter.builder("verdict.judging.desk.retries")
                .description("Requests the judging desk ran again after losing a deadlock or lock wait").register(meters);
        this.stores = Timer.builder("verdict.judging.desk.store")
                .description("Waits of the judging desk for its commits to reach the database file").register(meters);
        this.transactions = new TransactionTemplate(transactionManager);
        this.entities = entities;
        this.writer = new Thread(this::serve, "judging-desk");
        writer.setDaemon(true);
        this.answerer = new Thread(this::answer, "judging-desk-answers");
        answerer.setDaemon(true);
        writer.start();
        answerer.start();
    }

    /** {@link JudgingService#next}, committed. */
    public Optional<Deal> next(long judgeId, Long roundId) {
        return run(service -> service.next(judgeId, roundId));
    }

    /** {@link JudgingService#judge}, committed: the judgment is durable when this returns. */
    public JudgmentResult judge(long judgeId, long assignmentId, Verdict verdict, String reason) {
        return run(service -> service.judge(judgeId, assignmentId, verdict, reason));
    }

    /** {@link JudgingService#judgeThenDeal}, committed: the judgment is durable when this returns. */
    public JudgedThenDealt judgeThenDeal(long judgeId, long assignmentId, Verdict verdict, String reason) {
        return run(service -> service.judgeThenDeal(judgeId, assignmentId, verdict, reason));
    }

    /** {@link JudgingService#skip}, committed. */
    public void skip(long judgeId, long assignmentId) {
        run(service -> {
            service.skip(judgeId, assignmentId);
            return null;
        });
    }

    /** Runs the work in the desk's next batch and waits until its transaction is over. */
    <T> T run(Function<JudgingService, T> work) {
        Request<T> request = new Request<>(work);
        if (!open) {
            throw closed();
        }
        waiting.add(request);
        while (true) {
            try {
                return request.done.get(1, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (TimeoutException e) {
                // Arrived as the desk closed: nobody is left to answer it.
                if (!writer.isAlive() && waiting.remove(request)) {
                    throw closed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw closed();
            }
        }
    }

    /** Requests waiting for the writer. */
    int waiting() {
        return waiting.size();
    }

    /** Requests committed and waiting for the file, to be answered. */
    int answersWaiting() {
        return committed.size();
    }

    private void serve() {
        // None of the writer's commits waits for the file: the answers thread does, before anyone hears of them.
        durability.deferring(() -> {
            inBatches(waiting, MAX_BATCH, () -> open, this::runBatch, "Judging desk failed a batch of {}");
            return null;
        });
        List<Request<?>> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(r -> r.done.completeExceptionally(closed()));
    }

    /**
     * Takes requests from {@code queue} as they come, all those waiting at once (up to {@code most}), and hands them
     * to {@code work}, while {@code going} holds. Whatever {@code work} throws fails the requests in hand, so that no
     * caller is left waiting. Polls rather than waits for ever: interrupting a thread in the middle of H2's file
     * I/O would close the database file, so closing the desk never interrupts its threads.
     */
    private static void inBatches(BlockingQueue<Request<?>> queue, int most, BooleanSupplier going,
            Consumer<List<Request<?>>> work, String failure) {
        List<Request<?>> batch = new ArrayList<>();
        while (going.getAsBoolean()) {
            try {
                Request<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, most - 1);
                work.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error(failure, batch.size(), e);
                batch.forEach(r -> r.done.completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void runBatch(List<Request<?>> batch) {
        batchSizes.record(batch.size());
        if (batch.size() > 1) {
            try {
                Boolean allCommitted = transactions.execute(status -> runAll(batch, status));
                if (Boolean.TRUE.equals(allCommitted)) {
                    committed.addAll(batch);
                    return;
                }
            } catch (RuntimeException e) {
                log.debug("Judging batch of {} failed to commit; running its requests one by one", batch.size(), e);
            }
        }
        for (Request<?> request : batch) {
            runAlone(request);
            committed.add(request);
        }
    }

    /**
     * Answers the requests the writer has run once their commits are in the database file: all of those waiting at
     * once, after one wait. Requests that failed wait too, so that answers go out in the order they were run.
     */
    private void answer() {
        // A failure here leaves the requests committed, perhaps not stored: nobody may hear "saved".
        inBatches(committed, Integer.MAX_VALUE, () -> writer.isAlive() || !committed.isEmpty(), answering -> {
            gatherWhileBusy(answering);
            long started = System.nanoTime();
            lastStoreStarted = started;
            lastAnswered = answering.size();
            durability.awaitStored();
            stores.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            answering.forEach(Request::complete);
        }, "Could not make sure {} judging requests reached the database file");
    }

    /** While judging is busy, waits out the {@link #GATHER} window, then takes what the writer committed meanwhile. */
    private void gatherWhileBusy(List<Request<?>> answering) {
        long left = lastStoreStarted + gatherNanos - System.nanoTime();
        if (lastAnswered > 1 && left > 0) {
            LockSupport.parkNanos(left);
            committed.drainTo(answering);
        }
    }

    /**
     * Runs the request in a transaction of its own, and again, up to {@value #ATTEMPTS} times in all, when it lost
     * a deadlock or a lock wait to another writer on the same database (another instance's desk, a refit).
     */
    private void runAlone(Request<?> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    request.attempt(judging);
                    if (request.brokeTransaction(status)) {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException e) {
                request.failure = e;
            }
            if (!(request.failure instanceof TransientDataAccessException) || attempt == ATTEMPTS) {
                return;
            }
            retries.increment();
            log.debug("Judging request lost to another writer; running it again", request.failure);
            // A moment for the transaction that won to commit, different for each loser.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 20)));
        }
    }

    /** Runs the batch's requests in one transaction; false (and rolled back) if one broke it. */
    private Boolean runAll(List<Request<?>> batch, TransactionStatus status) {
        for (Request<?> request : batch) {
            request.attempt(judging);
            if (request.brokeTransaction(status)) {
                status.setRollbackOnly();
                return false;
            }
            // Each request's entities are written and let go, so later requests do not dirty-check them again.
            entities.flush();
            entities.clear();
        }
        return true;
    }

    /** Finishes the batch in hand; requests still waiting are refused with a 503. */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        writer.join(30_000);
        answerer.join(30_000);
    }

    private static ApiException closed() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Verdict is shutting down; try again in a moment");
    }

    private static final class Request<T> {

        final Function<JudgingService, T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;
        RuntimeException failure;

        Request(Function<JudgingService, T> work) {
            this.work = work;
        }

        void attempt(JudgingService judging) {
            result = null;
            failure = null;
            try {
                result = work.apply(judging);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /**
         * Whether the transaction must roll back: {@link JudgingService} marks it so for a failure it does not
         * expect to commit; a failure that is not even an {@link ApiException} always breaks it.
         */
        boolean brokeTransaction(TransactionStatus status) {
            return status.isRollbackOnly() || (failure != null && !(failure instanceof ApiException));
        }

        void complete() {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(result);
            }
        }
    }
}
