package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgmentRecorded;
import com.verdict.scoring.PointsAwarded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every board's rows current as points and judgments arrive, so that reading a board never sums the ledger.
 * A transaction's scores are added up per judge and board and handed on just before it commits: a scoring refit
 * awards hundreds of thousands of bonuses at once, and a judgment's points arrive apart from the judgment.
 * They go either straight onto the board rows, in the same transaction, or (by default) to {@link PendingScores},
 * which folds them into the rows a moment later.
 * <p>
 * Board rows are written just before the commit in either case: every judgment of every member updates a team's
 * rows, so a transaction holding them from its first statement would make the whole team judge one at a time.
 */
@Component
class BoardAggregates {

    private static final Period[] CALENDAR = {Period.DAY, Period.WEEK, Period.MONTH, Period.ALL};

    private final BoardRows rows;
    private final PendingScores pending;
    private final Seasons seasons;
    private final VerdictProperties properties;
    private volatile CalendarKeys lastDay = new CalendarKeys(LocalDate.MIN, List.of());

    BoardAggregates(BoardRows rows, PendingScores pending, Seasons seasons, VerdictProperties properties) {
        this.rows = rows;
        this.pending = pending;
        this.seasons = seasons;
        this.properties = properties;
    }

    @EventListener
    @Order(0)
    void on(PointsAwarded points) {
        add(points.judgeId(), points.at(), points.amount(), 0);
    }

    @EventListener
    @Order(0)
    void on(JudgmentRecorded judgment) {
        add(judgment.judgeId(), judgment.at(), 0, 1);
    }

    /** The keys of every board that a score made at {@code at} counts on. */
    List<String> keysAt(Instant at) {
        ZoneId zone = properties.leaderboard().zone();
        LocalDate day = at.atZone(zone).toLocalDate();
        CalendarKeys known = lastDay;
        if (!day.equals(known.day())) {
            known = new CalendarKeys(day, Arrays.stream(CALENDAR).map(period -> period.key(at, zone)).toList());
            lastDay = known;
        }
        List<String> keys = new ArrayList<>(known.keys());
        seasons.runningAt(at).forEach(id -> keys.add(Period.seasonKey(id)));
        return keys;
    }

    /** The calendar boards of one day: every score of the day counts on them, so they are worked out once a day. */
    private record CalendarKeys(LocalDate day, List<String> keys) {
    }

    private void add(long judgeId, Instant at, long points, long judgments) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            rows.add(List.of(new BoardScore(judgeId, keysAt(at), at, points, judgments)));
            return;
        }
        Scores scores = (Scores) TransactionSynchronizationManager.getResource(this);
        if (scores == null) {
            Scores fresh = new Scores();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<BoardScore> made = fresh.drain();
                    if (made.isEmpty()) {
                        return;
                    }
                    if (pending.deferred()) {
                        pending.write(made);
                    } else {
                        rows.add(made);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BoardAggregates.this);
                }
            });
            scores = fresh;
        }
        scores.add(judgeId, at, points, judgments);
    }

    /** A transaction's scores, added up per judge and set of boards. */
    private final class Scores {
        private final Map<Instant, List<String>> keys = new HashMap<>();
        private final Map<Sum, Total> sums = new LinkedHashMap<>();

        private record Sum(long judgeId, List<String> keys) {
        }

        private static final class Total {
            long points;
            long judgments;
            Instant latest = Instant.EPOCH;
        }

        void add(long judgeId, Instant at, long points, long judgments) {
            Total total = sums.computeIfAbsent(
                    new Sum(judgeId, keys.computeIfAbsent(at, BoardAggregates.this::keysAt)), sum -> new Total());
            total.points += points;
            total.judgments += judgments;
            total.latest = at.isAfter(total.latest) ? at : total.latest;
        }

        List<BoardScore> drain() {
            List<BoardScore> made = new ArrayList<>(sums.size());
            sums.forEach((sum, total) -> made.add(new BoardScore(sum.judgeId(), sum.keys(), total.latest,
                    total.points, total.judgments)));
            sums.clear();
            return made;
        }
    }
}
