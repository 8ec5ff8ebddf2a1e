package com.verdict.judging;

import com.verdict.base.VerdictProperties;
import com.verdict.catalog.PairsAdded;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The pairs that may be dealt, with their slots: {@code reserved} counts judgments plus open assignments.
 * Taking a slot is one conditional update, so two judges can never both take a pair's last slot.
 */
@Repository
class PairPool {

    private static final int CHOICES = 32;

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
        jdbc.batchUpdate("insert into pair_pool (pair_id, reserved, slots, judgments, created_at) "
                        + "values (?, 0, ?, 0, ?)",
                added.pairs().stream().map(p -> new Object[] {p.pairId(), slots, now}).toList());
    }

    /**
     * Pairs this judge has never been dealt that still have a free slot: those with the fewest slots taken
     * first, then the oldest; pairs equally far along come in random order.
     */
    List<Long> choicesFor(long judgeId) {
        List<long[]> rows = jdbc.query("""
                select pp.pair_id, pp.reserved from pair_pool pp
                where pp.reserved < pp.slots
                  and not exists (select 1 from assignment a where a.pair_id = pp.pair_id and a.judge_id = ?)
                order by pp.reserved, pp.created_at, pp.pair_id
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

    /** Takes a slot of the pair if one is free. */
    boolean reserve(long pairId) {
        return jdbc.update("update pair_pool set reserved = reserved + 1 where pair_id = ? and reserved < slots",
                pairId) == 1;
    }

    /** How many judgments (plus open assignments) the pair may have from now on. */
    void limit(long pairId, int slots) {
        jdbc.update("update pair_pool set slots = ? where pair_id = ?", slots, pairId);
    }

    /** Gives back the slot of an assignment closed without a judgment. */
    void release(long pairId) {
        jdbc.update("update pair_pool set reserved = reserved - 1 where pair_id = ? and reserved > 0", pairId);
    }

    void judged(long pairId) {
        jdbc.update("update pair_pool set judgments = judgments + 1 where pair_id = ?", pairId);
    }
}
