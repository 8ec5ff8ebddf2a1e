package com.verdict.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides again, after a refit wrote its pairs, the interactions those pairs belong to ({@link
 * InteractionRanking}), and writes back the decisions that changed, with an event for each changed state.
 */
final class InteractionDecisionWriter {

    /** Ids in one IN list. */
    private static final int IN_LIST = 1000;
    private static final ConsensusState[] STATES = ConsensusState.values();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NamedParameterJdbcTemplate named;
    private final ApplicationEventPublisher events;
    private final PairRules rules;

    InteractionDecisionWriter(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            PairRules rules) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.events = events;
        this.rules = rules;
    }

    /**
     * The interactions of the pairs just written, decided again from their pairs' new consensus (no other
     * interaction's pairs changed). Changed ones are written in chunks, each followed by its state-change events,
     * and only if no judgment arrived since the pairs were read: the interaction's judgments still add up to
     * what its pairs had then. Returns how many were written.
     */
    int write(RefitReader.Pairs pairs, List<Integer> writtenPairs, DawidSkene.Fit fit, byte[] state) {
        LongIntMap touched = new LongIntMap(writtenPairs.size());
        writtenPairs.forEach(p -> touched.indexOf(pairs.interaction[p]));
        int count = touched.size();
        int[] start = new int[count + 1];
        int[] owner = new int[pairs.known];
        int[] judgments = new int[count];
        for (int p = 0; p < pairs.known; p++) {
            owner[p] = touched.get(pairs.interaction[p]);
            if (owner[p] >= 0) {
                start[owner[p] + 1]++;
                judgments[owner[p]] += pairs.judgments[p];
            }
        }
        for (int i = 0; i < count; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, count);
        int[] byInteraction = new int[start[count]];
        for (int p = 0; p < pairs.known; p++) {
            if (owner[p] >= 0) {
                byInteraction[next[owner[p]]++] = p;
            }
        }
        int written = 0;
        for (int from = 0; from < count; from += ConsensusRefit.CHUNK) {
            int to = Math.min(from + ConsensusRefit.CHUNK, count);
            // Dated as written, not as the refit began, so that an export since an earlier one's start has it.
            Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
            Map<Long, Current> current = currentDecisions(touched, from, to);
            List<Object[]> rows = new ArrayList<>();
            List<InteractionStateChanged> changes = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Current was = current.get(touched.key(i));
                if (was == null) {
                    continue;
                }
                List<InteractionRanking.JudgedPair> judged = new ArrayList<>(start[i + 1] - start[i]);
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int p = byInteraction[k];
                    judged.add(new InteractionRanking.JudgedPair(pairs.candidateA[p], pairs.candidateB[p],
                            Arrays.copyOfRange(fit.posterior(), p * 4, p * 4 + 4), STATES[state[p]]));
                }
                InteractionRanking.Result result = InteractionRanking.decide(judged, was.pairs(),
                        rules.settleConfidence());
                boolean decisionMoved = result.movedFrom(was.decision());
                if (!decisionMoved
                        && Math.abs(result.confidence() - was.decision().confidence()) <= ConsensusRefit.UNCHANGED) {
                    continue;
                }
                rows.add(new Object[] {result.best(), result.confidence(), result.state().name(),
                        result.outcome() == null ? null : result.outcome().name(), decisionMoved, at, touched.key(i),
                        judgments[i]});
                changes.add(result.state() == was.decision().state() ? null
                        : new InteractionStateChanged(touched.key(i), result.state()));
            }
            if (!rows.isEmpty()) {
                written += writeChunk(rows, changes);
            }
        }
        return written;
    }

    /** An interaction's decision row: how many pairs it has, and the decision as stored. */
    private record Current(int pairs, InteractionRanking.Result decision) {
    }

    private Map<Long, Current> currentDecisions(LongIntMap ids, int from, int to) {
        Map<Long, Current> current = new HashMap<>();
        for (int batch = from; batch < to; batch += IN_LIST) {
            List<Long> some = new ArrayList<>();
            for (int i = batch; i < Math.min(batch + IN_LIST, to); i++) {
                some.add(ids.key(i));
            }
            named.query("select interaction_id, pairs, state, best_candidate, outcome, confidence "
                    + "from interaction_decision where interaction_id in (:ids)", Map.of("ids", some), rs -> {
                        String outcome = rs.getString(5);
                        current.put(rs.getLong(1), new Current(rs.getInt(2), new InteractionRanking.Result(
                                ConsensusState.valueOf(rs.getString(3)),
                                outcome == null ? null : InteractionOutcome.valueOf(outcome),
                                rs.getObject(4) == null ? null : rs.getLong(4), rs.getDouble(6))));
                    });
        }
        return current;
    }

    private int writeChunk(List<Object[]> rows, List<InteractionStateChanged> changes) {
        int[] counts = transactions.execute(tx -> jdbc.batchUpdate("""
                update interaction_decision set best_candidate = ?, confidence = ?, state = ?, outcome = ?,
                    updated_at = case when ? then ? else updated_at end
                where interaction_id = ? and judgments = ?""", rows));
        List<InteractionStateChanged> published = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                written++;
                if (changes.get(i) != null) {
                    published.add(changes.get(i));
                }
            }
        }
        if (!published.isEmpty()) {
            transactions.executeWithoutResult(tx -> published.forEach(events::publishEvent));
        }
        return written;
    }
}
