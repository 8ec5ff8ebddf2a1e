package com.verdict.leaderboard;

import com.verdict.base.Durability;
import com.verdict.base.SequenceIds;
import com.verdict.base.VerdictProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores on their way to the boards ({@code board_pending}), when boards fold them in bulk
 * ({@code verdict.leaderboard.fold-interval} above zero).
 * <p>
 * Why: every board row of a judge and its rank entry is a page a commit must write again, five of them per
 * judge and judgment. Written with the judgment, a pending score is one row appended to one table; folding a
 * moment later moves each board row once for all the scores its judge made meanwhile. The scores are durable
 * with their judgments, so a crash delays them on the boards and loses none: folding resumes on start.
 * <p>
 * A fold locks the one row of {@code board_fold}, so instances sharing a database fold one at a time, and deletes
 * exactly the rows it read, in the same transaction as it adds them to the boards. Whatever else rewrites board rows
 * wholesale (a team move, a season's backfill) holds that lock too ({@link #holdFolds}).
 * <p>
 * A score counts on every season running when it was made, even one created while the score's transaction was under
 * way, which it was written without: that season's backfill ({@link Seasons}) counts the scores committed by then less
 * those still pending here, and these count for it as they fold.
 */
@Component
class PendingScores {

    /**
     * Pending rows one fold reads: well above what judging leaves in an interval (2,000 at 1,000 judgments a second
     * and 2 s), so that a fold's judges' rows are written once per interval, not once per transaction. A refit
     * leaves hundreds of thousands, which then fold in several transactions.
     */
    static final int FOLD_BATCH = 20_000;
    /**
     * Judges whose board rows a fold writes before it writes them to the file ({@link Durability#writeSoFar}):
     * a fold of 200 judges writes a thousand rows and two rank entries for each, and written out all at once by
     * its commit, they held the judging desk's answers for 30-60 ms.
     */
    static final int FOLD_STEP_JUDGES = 20;

    private static final Logger log = LoggerFactory.getLogger(PendingScores.class);

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final BoardRows rows;
    private final Durability durability;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Timer folds;
    private final Counter folded;
    private final Object wakeUp = new Object();
    private final Thread folder;
    private volatile boolean open = true;

    PendingScores(JdbcTemplate jdbc, SequenceIds ids, BoardRows rows, Durability durability,
            PlatformTransactionManager transactionManager, VerdictProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.rows = rows;
        this.durability = durability;
        this.transactions = new TransactionTemplate(transactionManager);
        this.interval = properties.leaderboard().foldInterval();
        this.folds = Timer.builder("verdict.leaderboard.fold")
                .description("Transactions that folded pending scores into the boards").register(meters);
        this.folded = Counter.builder("verdict.leaderboard.folded")
                .description("Pending scores folded into the boards").register(meters);
        this.folder = new Thread(this::foldEveryInterval, "board-folder");
        folder.setDaemon(true);
        if (deferred()) {
            folder.start();
        }
    }

    /** Whether scores wait here for the boards, rather than reaching them in their own transaction. */
    boolean deferred() {
        return !interval.isZero();
    }

    /** Writes the scores for a later fold, in the caller's transaction. */
    void write(List<BoardScore> scores) {
        jdbc.batchUpdate("insert into board_pending (id, judge_id, board_keys, points, judgments, scored_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                scores.stream().map(score -> new Object[] {ids.next("board_pending_seq"), score.judgeId(),
                        String.join(" ", score.keys()), score.points(), score.judgments(), Timestamp.from(score.at())})
                        .toList());
    }

    /**
     * Holds off folds (of every instance) until the caller's transaction ends, and waits for a fold under way: for
     * changes to board rows that a fold must not interleave with.
     */
    void holdFolds() {
        jdbc.queryForList("select id from board_fold where id = 1 for update", Integer.class);
    }

    /** Folds every pending score into the boards; returns how many. */
    int foldAll() {
        int total = 0;
        int last;
        do {
            last = fold();
            total += last;
        } while (last == FOLD_BATCH);
        return total;
    }

    /** Folds up to {@value #FOLD_BATCH} pending scores, oldest first, in one transaction; returns how many. */
    int fold() {
        // Most folds of an idle Verdict find nothing: they must not write (and commit) the lock row for it.
        if (jdbc.queryForList("select id from board_pending fetch first 1 rows only", Long.class).isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Integer count = transactions.execute(status -> {
            jdbc.update("update board_fold set folded_at = ? where id = 1", Timestamp.from(Instant.now()));
            List<SeasonSpan> seasons = jdbc.query("select id, starts_at, ends_at from season where frozen_at is null",
                    (rs, i) -> new SeasonSpan(Period.seasonKey(rs.getLong(1)), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant()));
            List<Long> read = new ArrayList<>();
            List<BoardScore> scores = jdbc.query("select id, judge_id, board_keys, points, judgments, scored_at "
                    + "from board_pending order by id fetch first " + FOLD_BATCH + " rows only", (rs, i) -> {
                        read.add(rs.getLong(1));
                        Instant at = rs.getTimestamp(6).toInstant();
                        return new BoardScore(rs.getLong(2), withSeasons(rs.getString(3), at, seasons), at,
                                rs.getLong(4), rs.getLong(5));
                    });
            // Steps leave the order BoardRows keeps against deadlocks, which no longer matters here: with scores
            // pending, folds are the only writers of board rows, one at a time.
            for (List<BoardScore> step : byJudges(scores, FOLD_STEP_JUDGES)) {
                rows.add(step);
                durability.writeSoFar();
            }
            // Exactly the rows read: a row with an id among theirs may commit only now, and must wait for its fold.
            jdbc.batchUpdate("delete from board_pending where id = ?", read.stream().map(id -> new Object[] {id})
                    .toList());
            return read.size();
        });
        if (count != null && count > 0) {
            folds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            folded.increment(count);
        }
        return count == null ? 0 : count;
    }

    /** A season that is not frozen: scores made from {@code startsAt} until {@code endsAt} count on it. */
    record SeasonSpan(String key, Instant startsAt, Instant endsAt) {
    }

    /** The boards a pending score counts on: those it was written with, and every season running at {@code at}. */
    static List<String> withSeasons(String boardKeys, Instant at, List<SeasonSpan> seasons) {
        List<String> keys = new ArrayList<>(Arrays.asList(boardKeys.split(" ")));
        for (SeasonSpan season : seasons) {
            if (!at.isBefore(season.startsAt()) && at.isBefore(season.endsAt()) && !keys.contains(season.key())) {
                keys.add(season.key());
            }
        }
        return keys;
    }

    /** The scores in steps of {@code judges} judges each, a judge's scores all in one step. */
    static List<List<BoardScore>> byJudges(List<BoardScore> scores, int judges) {
        Map<Long, List<BoardScore>> byJudge = new TreeMap<>();
        scores.forEach(score -> byJudge.computeIfAbsent(score.judgeId(), id -> new ArrayList<>()).add(score));
        List<List<BoardScore>> steps = new ArrayList<>();
        List<BoardScore> step = new ArrayList<>();
        int inStep = 0;
        for (List<BoardScore> ofJudge : byJudge.values()) {
            step.addAll(ofJudge);
            if (++inStep == judges) {
                steps.add(step);
                step = new ArrayList<>();
                inStep = 0;
            }
        }
        if (!step.isEmpty()) {
            steps.add(step);
        }
        return steps;
    }

    /** Folds at once, so that scores a stop or a crash left pending reach the boards as Verdict starts, then every interval. */
    private void foldEveryInterval() {
        while (open) {
            try {
                foldAll();
            } catch (RuntimeException e) {
                // Another instance folding (its lock outlasted ours) or a passing database problem: the scores
                // stay pending and the next fold takes them.
                log.warn("Could not fold pending scores into the boards; trying again in {}", interval, e);
            }
            synchronized (wakeUp) {
                try {
                    if (open) {
                        wakeUp.wait(interval.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Stops folding in the background, then folds what is left. H2 closes a file database at the JVM's exit while
     * this runs, so the last scores may stay pending; the first fold of the next start takes them.
     */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        // Never interrupted: an interrupt during H2's file I/O would close the database file.
        folder.join(30_000);
        if (deferred()) {
            try {
                foldAll();
            } catch (RuntimeException e) {
                log.warn("Left scores pending for the boards at shutdown; they fold when Verdict starts again", e);
            }
        }
    }
}
