package com.verdict.scoring;

import com.verdict.judging.JudgingService;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes back the pairs whose consensus a refit moved, {@value ConsensusRefit#CHUNK} to a transaction, with
 * what follows from a pair that settled (its votes scored, bonuses awarded) or changed state (its dealing limit).
 * A pair row is written only if no judgment arrived since it was read: a newer judgment has already updated it.
 */
final class PairTallyWriter {

    private static final ConsensusState[] STATES = ConsensusState.values();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PointsLedger ledger;
    private final ObjectProvider<JudgingService> judging;
    private final PairRules rules;

    PairTallyWriter(JdbcTemplate jdbc, TransactionTemplate transactions, PointsLedger ledger,
            ObjectProvider<JudgingService> judging, PairRules rules) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.judging = judging;
        this.rules = rules;
    }

    /** {@code state} and {@code decision} are the fit's, per pair; returns the pairs written, in order. */
    List<Integer> write(RefitReader.Pairs pairs, RefitReader.Votes votes, DawidSkene.Fit fit, byte[] state,
            int[] decision, ConsensusRefit.Laps laps) {
        int known = pairs.known;
        List<Integer> changedPairs = new ArrayList<>();
        for (int p = 0; p < known; p++) {
            if (changed(pairs, p, fit, state[p], decision[p])) {
                changedPairs.add(p);
            }
        }
        List<Integer> writtenPairs = new ArrayList<>();
        for (int from = 0; from < changedPairs.size(); from += ConsensusRefit.CHUNK) {
            List<Integer> chunk = changedPairs.subList(from,
                    Math.min(from + ConsensusRefit.CHUNK, changedPairs.size()));
            writtenPairs.addAll(writeChunk(chunk, pairs, votes, fit, state, decision, laps));
        }
        return writtenPairs;
    }

    /** A pair is written when its state or decision changed, or its confidence moved noticeably. */
    private boolean changed(RefitReader.Pairs pairs, int p, DawidSkene.Fit fit, int state, int decision) {
        return pairs.state[p] != state || pairs.decision[p] != decision
                || Math.abs(pairs.confidence(p) - fit.confidence(p)) > ConsensusRefit.UNCHANGED;
    }

    /**
     * One transaction: the pairs' new consensus, then, for those that settled, their votes scored and bonuses
     * awarded; then, apart, the new dealing limits. Returns the pairs written. Settled pairs are dated when
     * written, not when the refit began: an export run in between did not see them, and the next one, from its
     * start, must (docs/EXPORT.md).
     */
    private List<Integer> writeChunk(List<Integer> chunk, RefitReader.Pairs pairs, RefitReader.Votes votes,
            DawidSkene.Fit fit, byte[] state, int[] decision, ConsensusRefit.Laps laps) {
        Crowd crowd = votes.crowd;
        List<long[]> limits = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Timestamp at = Timestamp.from(now);
            written.clear();
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (int p : chunk) {
                double[] post = Arrays.copyOfRange(fit.posterior(), p * 4, p * 4 + 4);
                String name = STATES[state[p]].name();
                rows.add(new Object[] {post[0], post[1], post[2], post[3], decision[p], post[decision[p]], name, name,
                        at, pairs.id(p), pairs.judgments[p]});
            }
            long started = System.nanoTime();
            int[] counts = jdbc.batchUpdate("""
                    update pair_tally set p_a = ?, p_b = ?, p_tie = ?, p_both_bad = ?, decision = ?, confidence = ?,
                        state = ?, settled_at = case when ? = 'SETTLED' then coalesce(settled_at, ?) end
                    where pair_id = ? and judgments = ?""", rows);
            laps.add("pair rows", System.nanoTime() - started);
            ScoreChanges changes = new ScoreChanges();
            List<Object[]> scored = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (counts[i] == 0) {
                    continue;
                }
                int p = chunk.get(i);
                written.add(p);
                boolean gold = crowd.gold[p] >= 0;
                ConsensusState s = STATES[state[p]];
                if (gold) {
                    continue;
                }
                if (s != STATES[pairs.state[p]]) {
                    limits.add(new long[] {pairs.id(p), rules.dealLimit(s, crowd.start[p + 1] - crowd.start[p])});
                }
                if (s == ConsensusState.SETTLED && pairs.state[p] != ConsensusState.SETTLED.ordinal()) {
                    scored.add(new Object[] {decision[p], at, pairs.id(p)});
                    for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                        if (votes.unscored[v]) {
                            boolean earnsBonus = !votes.tooFast[v] && !fit.flagged()[crowd.judge[v]];
                            changes.settled(votes.judgeIds[crowd.judge[v]], votes.judgmentId[v], pairs.id(p),
                                    crowd.outcome(v) == decision[p], earnsBonus, now);
                        }
                    }
                }
            }
            started = System.nanoTime();
            if (!scored.isEmpty()) {
                jdbc.batchUpdate("update vote set agreed = case when outcome = ? then true else false end, "
                        + "scored_at = ? where pair_id = ? and agreed is null", scored);
            }
            laps.add("votes scored", System.nanoTime() - started);
            started = System.nanoTime();
            ledger.apply(changes);
            laps.add("bonuses", System.nanoTime() - started);
        });
        long started = System.nanoTime();
        if (!limits.isEmpty()) {
            transactions.executeWithoutResult(tx -> limits.forEach(
                    limit -> judging.getObject().limitJudgments(limit[0], (int) limit[1])));
        }
        laps.add("dealing limits", System.nanoTime() - started);
        return written;
    }
}
