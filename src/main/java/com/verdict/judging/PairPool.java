package com.verdict.judging;

import com.verdict.base.VerdictProperties;
import com.verdict.catalog.InteractionRetired;
import com.verdict.catalog.PairsAdded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pairs that may be dealt, with their slots: {@code reserved} counts judgments plus open assignments.
 * Taking a slot is one conditional update, so two judges can never both take a pair's last slot.
 * <p>
 * Every update keeps {@code dealable} = not gold and a slot free, so dealing reads the queue in order straight from
 * the index {@code pair_pool_queue} (dealable, reserved, created_at, pair_id, interaction_id) and stops after a few
 * rows: with any number of pairs and judgments, a deal looks at a few dozen index entries. Gold pairs stay out of
 * that queue; they have no slot limit and are dealt at the judge's gold rate from their own index.
 */
@Repository
class PairPool {

    private static final int CHOICES = 32;
    private static final int GOLD_CHOICES = 8;

    private final JdbcTemplate jdbc;
    private final VerdictProperties properties;

    PairPool(JdbcTemplate jdbc, VerdictProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** New pairs join the pool inside the import's transaction, so an import is dealable once committed. */
    @EventListener
    void on(PairsAdded added) {
        Timestamp now = Timestamp.from(Instant.now());
        int slots = properties.judging().judgmentsPerPair();
        jdbc.batchUpdate("insert into pair_pool (pair_id, interaction_id, reserved, slots, created_at, gold, dealable) "
                        + "values (?, ?, 0, ?, ?, ?, ?)", added.pairs().stream()
                .map(p -> new Object[] {p.pairId(), p.interactionId(), slots, now, p.gold(), !p.gold()}).toList());
    }

    /** A retired interaction's pairs leave the pool; their assignments and judgments stay in history. */
    @EventListener
    void on(InteractionRetired retired) {
        jdbc.batchUpdate("delete from pair_pool where pair_id = ?",
                retired.pairIds().stream().map(id -> new Object[] {id}).toList());
    }

    /**
     * Pairs of interactions this judge has never been dealt that still have a free slot: those with the fewest slots
     * taken first, then the oldest; pairs equally far along come in random order. (Ordering by the constant
     * {@code dealable} too lets H2 read the index in order instead of sorting every dealable pair.)
     * <p>
     * One pair of an interaction per judge keeps judging blind: a verdict reveals the sources of its two responses,
     * and another pair of the same interaction would show one of them again.
     */
    List<Long> choicesFor(long judgeId) {
        List<long[]> rows = jdbc.query("""
                select pp.pair_id, pp.reserved from pair_pool pp
                where pp.dealable = true
                  and not exists (select 1 from assignment a
                                  where a.judge_id = ? and a.interaction_id = pp.interaction_id)
                order by pp.dealable, pp.reserved, pp.created_at, pp.pair_id
                fetch first %d rows only""".formatted(CHOICES),
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, judgeId);
        List<Long> choices = new ArrayList<>(rows.size());
        int from = 0;
        while (from < rows.size()) {
            int to = from;
            while (to < rows.size() && rows.get(to)[1] == rows.get(from)[1]) {
                to++;
            }
            List<Long> tier = new ArrayList<>(rows.subList(from, to).stream().map(r -> r[0]).toList());
            Collections.shuffle(tier, ThreadLocalRandom.current());
            choices.addAll(tier);
            from = to;
        }
        return choices;
    }

    /**
     * A few gold pairs of interactions this judge has never been dealt, from a random point of the gold pairs
     * onwards (then from the start), so that judges meet them in different orders. One per interaction, as
     * {@link #choicesFor}: a gold pair's answer is revealed after the verdict, and other gold pairs of the same
     * interaction share it.
     */
    List<Long> goldChoicesFor(long judgeId) {
        long[] range = jdbc.queryForObject("select min(pair_id), max(pair_id) from pair_pool where gold = true",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (range[1] == 0) {
            return List.of();
        }
        long start = ThreadLocalRandom.current().nextLong(range[0], range[1] + 1);
        String sql = """
                select pp.pair_id from pair_pool pp
                where pp.gold = true and pp.pair_id >= ?
                  and not exists (select 1 from assignment a
                                  where a.judge_id = ? and a.interaction_id = pp.interaction_id)
                order by pp.gold, pp.pair_id
                fetch first %d rows only""".formatted(GOLD_CHOICES);
        List<Long> choices = jdbc.queryForList(sql, Long.class, start, judgeId);
        return choices.isEmpty() && start > range[0] ? jdbc.queryForList(sql, Long.class, range[0], judgeId) : choices;
    }

    /**
     * Takes a slot of the first of these pairs that has one free, passing over a pair another transaction is
     * taking a slot of right now, and comes back to wait for those only when no other pair had a slot. Every deal
     * starts at the head of the queue, so with several instances on one database, deals that waited for each
     * other's rows there would queue up behind each other's commits, or deadlock (two transactions, each holding
     * the row the other wants next). Gold pairs have no slot limit: taking one fails only if it left the pool.
     */
    Optional<Long> takeFirst(List<Long> pairIds, boolean gold) {
        List<Long> busy = new ArrayList<>();
        for (long pairId : pairIds) {
            if (!lockedUnlessBusy(pairId)) {
                busy.add(pairId);
            } else if (take(pairId, gold)) {
                return Optional.of(pairId);
            }
        }
        for (long pairId : busy) {
            if (take(pairId, gold)) {
                return Optional.of(pairId);
            }
        }
        return Optional.empty();
    }

    private boolean take(long pairId, boolean gold) {
        String sql = gold ? "update pair_pool set reserved = reserved + 1 where pair_id = ? and gold = true"
                : "update pair_pool set reserved = reserved + 1, dealable = (reserved + 1 < slots) "
                        + "where pair_id = ? and dealable = true and reserved < slots";
        return jdbc.update(sql, pairId) == 1;
    }

    /** Locks the pair's row for this transaction, unless another one holds it: then false at once. */
    private boolean lockedUnlessBusy(long pairId) {
        return !jdbc.queryForList("select pair_id from pair_pool where pair_id = ? for update skip locked",
                Long.class, pairId).isEmpty();
    }

    /**
     * How many judgments (plus open assignments) the pair may have from now on; gold pairs ignore it. Scoring
     * calls this after every judgment, mostly with the limit the pair has: then nothing is written.
     */
    void limit(long pairId, int slots) {
        jdbc.update("update pair_pool set slots = ?, dealable = (gold = false and reserved < ?) "
                + "where pair_id = ? and slots <> ?", slots, slots, pairId, slots);
    }

    /** Gives back the slot of an assignment closed without a judgment. */
    void release(long pairId) {
        jdbc.update("update pair_pool set reserved = reserved - 1, dealable = (gold = false and reserved - 1 < slots) "
                + "where pair_id = ? and reserved > 0", pairId);
    }

    /** How many gold pairs the judge is behind their share (negative when ahead): rate per deal, less 1 per gold. */
    double goldOwed(long judgeId) {
        List<Double> due = jdbc.queryForList("select due from judge_gold_due where judge_id = ?", Double.class,
                judgeId);
        return due.isEmpty() ? 0 : due.get(0);
    }

    void goldOwed(long judgeId, double due) {
        jdbc.update("""
                merge into judge_gold_due t
                using (values (cast(? as bigint), cast(? as double precision))) as s (judge_id, due)
                on t.judge_id = s.judge_id
                when matched then update set due = s.due
                when not matched then insert (judge_id, due) values (s.judge_id, s.due)""", judgeId, due);
    }
}
