package com.verdict.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what a refit starts from, with plain JDBC into primitive arrays: the judged pairs as they stand, every
 * vote, and where the last refit left the judges. Each is read in a read-only transaction of its own.
 */
final class RefitReader {

    private static final int FETCH_SIZE = 10_000;
    /** Rows read by one query of a large table. */
    private static final int PAGE = 50_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate reader;

    RefitReader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.reader = new JdbcTemplate(jdbc.getDataSource());
        this.reader.setFetchSize(FETCH_SIZE);
    }

    /** The pair rows, read before the votes, so that a pair is written only if no judgment arrived since. */
    Pairs pairs() {
        return reading(this::loadPairs);
    }

    Votes votes(Pairs pairs) {
        return reading(() -> loadVotes(pairs));
    }

    /** Where the last refit left the judges this one knows, to start from; null before any refit. */
    DawidSkene.Start lastFit(Votes votes) {
        return reading(() -> loadLastFit(votes));
    }

    /**
     * Runs a large read in a read-only transaction with a fetch size, so that a database that can stream rows
     * (PostgreSQL) does rather than buffering them all.
     */
    private <T> T reading(Supplier<T> read) {
        return readOnly.execute(tx -> read.get());
    }

    /** Judged pairs as they stand, by dense index; votes may add pairs judged since, past {@code known}. */
    static final class Pairs {
        final LongIntMap ids;
        int known;
        long[] interaction;
        long[] candidateA;
        long[] candidateB;
        int[] judgments;
        byte[] state;
        int[] decision;
        double[] posterior;
        String[] category;

        Pairs(int expected) {
            ids = new LongIntMap(expected);
            interaction = new long[expected];
            candidateA = new long[expected];
            candidateB = new long[expected];
            judgments = new int[expected];
            state = new byte[expected];
            decision = new int[expected];
            posterior = new double[expected * 4];
            category = new String[expected];
        }

        long id(int p) {
            return ids.key(p);
        }

        double confidence(int p) {
            return decision[p] < 0 ? 0 : posterior[p * 4 + decision[p]];
        }

        void ensure(int size) {
            if (size > interaction.length) {
                int capacity = Math.max(size, interaction.length * 2);
                interaction = Arrays.copyOf(interaction, capacity);
                candidateA = Arrays.copyOf(candidateA, capacity);
                candidateB = Arrays.copyOf(candidateB, capacity);
                judgments = Arrays.copyOf(judgments, capacity);
                state = Arrays.copyOf(state, capacity);
                decision = Arrays.copyOf(decision, capacity);
                posterior = Arrays.copyOf(posterior, capacity * 4);
                category = Arrays.copyOf(category, capacity);
            }
        }
    }

    /** Every vote, grouped by pair, with what else the refit needs of each, in the crowd's order. */
    static final class Votes {
        Crowd crowd;
        long[] judgeIds;
        long[] judgmentId;
        boolean[] tooFast;
        int[] timeMs;
        boolean[] unscored;
    }

    private Pairs loadPairs() {
        Integer expected = reader.queryForObject("select count(*) from pair_tally", Integer.class);
        Pairs pairs = new Pairs(expected + 1024);
        Map<String, String> categories = new HashMap<>();
        pages("""
                select pair_id, interaction_id, candidate_a, candidate_b, judgments, state, coalesce(decision, -1),
                    p_a, p_b, p_tie, p_both_bad, category from pair_tally
                where pair_id > ? order by pair_id fetch first %d rows only""", rs -> {
            int p = pairs.ids.indexOf(rs.getLong(1));
            pairs.ensure(p + 1);
            pairs.interaction[p] = rs.getLong(2);
            pairs.candidateA[p] = rs.getLong(3);
            pairs.candidateB[p] = rs.getLong(4);
            pairs.judgments[p] = rs.getInt(5);
            pairs.state[p] = (byte) ConsensusState.valueOf(rs.getString(6)).ordinal();
            pairs.decision[p] = rs.getInt(7);
            for (int t = 0; t < 4; t++) {
                pairs.posterior[p * 4 + t] = rs.getDouble(8 + t);
            }
            String category = rs.getString(12);
            pairs.category[p] = category == null ? null : categories.computeIfAbsent(category, c -> c);
        });
        pairs.known = pairs.ids.size();
        return pairs;
    }

    private Votes loadVotes(Pairs pairs) {
        int capacity = reader.queryForObject("select count(*) from vote", Integer.class) + 1024;
        LongIntMap judges = new LongIntMap(1024);
        var raw = new Object() {
            int size;
            int[] pair = new int[capacity];
            int[] judge = new int[capacity];
            byte[] outcome = new byte[capacity];
            boolean[] aShownLeft = new boolean[capacity];
            byte[] gold = new byte[capacity];
            long[] judgmentId = new long[capacity];
            boolean[] tooFast = new boolean[capacity];
            int[] timeMs = new int[capacity];
            boolean[] unscored = new boolean[capacity];

            void grow() {
                int more = pair.length * 2;
                pair = Arrays.copyOf(pair, more);
                judge = Arrays.copyOf(judge, more);
                outcome = Arrays.copyOf(outcome, more);
                aShownLeft = Arrays.copyOf(aShownLeft, more);
                gold = Arrays.copyOf(gold, more);
                judgmentId = Arrays.copyOf(judgmentId, more);
                tooFast = Arrays.copyOf(tooFast, more);
                timeMs = Arrays.copyOf(timeMs, more);
                unscored = Arrays.copyOf(unscored, more);
            }
        };
        pages("""
                select judgment_id, judge_id, pair_id, outcome, a_shown_left, coalesce(gold, -1), too_fast,
                    time_on_task_ms, case when agreed is null then 1 else 0 end from vote
                where judgment_id > ? order by judgment_id fetch first %d rows only""", rs -> {
            if (raw.size == raw.pair.length) {
                raw.grow();
            }
            int v = raw.size++;
            raw.judgmentId[v] = rs.getLong(1);
            raw.judge[v] = judges.indexOf(rs.getLong(2));
            raw.pair[v] = pairs.ids.indexOf(rs.getLong(3));
            raw.outcome[v] = rs.getByte(4);
            raw.aShownLeft[v] = rs.getBoolean(5);
            raw.gold[v] = rs.getByte(6);
            raw.tooFast[v] = rs.getBoolean(7);
            raw.timeMs[v] = (int) Math.min(Integer.MAX_VALUE, rs.getLong(8));
            raw.unscored[v] = rs.getInt(9) == 1;
        });
        int pairCount = pairs.ids.size();
        byte[] gold = new byte[pairCount];
        Arrays.fill(gold, (byte) -1);
        for (int v = 0; v < raw.size; v++) {
            if (raw.gold[v] >= 0) {
                gold[raw.pair[v]] = raw.gold[v];
            }
        }
        Votes votes = new Votes();
        votes.crowd = Crowd.of(pairCount, judges.size(), raw.size, raw.pair, raw.judge, raw.outcome, raw.aShownLeft,
                gold);
        int[] order = votes.crowd.order;
        votes.judgmentId = new long[raw.size];
        votes.tooFast = new boolean[raw.size];
        votes.timeMs = new int[raw.size];
        votes.unscored = new boolean[raw.size];
        for (int v = 0; v < raw.size; v++) {
            votes.judgmentId[v] = raw.judgmentId[order[v]];
            votes.tooFast[v] = raw.tooFast[order[v]];
            votes.timeMs[v] = raw.timeMs[order[v]];
            votes.unscored[v] = raw.unscored[order[v]];
        }
        votes.judgeIds = judges.keys();
        return votes;
    }

    private DawidSkene.Start loadLastFit(Votes votes) {
        double[] classPrior = jdbc.query("select prior_a, prior_b, prior_tie, prior_both_bad from scoring_model",
                        (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .stream().findFirst().orElse(null);
        if (classPrior == null) {
            return null;
        }
        LongIntMap judges = new LongIntMap(votes.judgeIds.length);
        for (long judgeId : votes.judgeIds) {
            judges.indexOf(judgeId);
        }
        double[] confusion = new double[votes.judgeIds.length * 16];
        double[] prior = DawidSkene.priorConfusion();
        for (int j = 0; j < votes.judgeIds.length; j++) {
            System.arraycopy(prior, 0, confusion, j * 16, 16);
        }
        boolean[] flagged = new boolean[votes.judgeIds.length];
        jdbc.query("select judge_id, confusion, flagged from judge_reliability", rs -> {
            int j = judges.get(rs.getLong(1));
            if (j >= 0) {
                System.arraycopy(Reliabilities.parse(rs.getString(2)), 0, confusion, j * 16, 16);
                flagged[j] = rs.getBoolean(3);
            }
        });
        return new DawidSkene.Start(classPrior, confusion, flagged);
    }

    /**
     * Reads a large table page by page in key order ({@code query} has a {@code ?} for the last key seen, first
     * column, and a {@code %d} for the page size), so that no database has to hold the whole result at once.
     */
    private void pages(String query, RowCallbackHandler row) {
        String sql = query.formatted(PAGE);
        long[] last = {Long.MIN_VALUE};
        int[] read = new int[1];
        do {
            read[0] = 0;
            reader.query(sql, rs -> {
                row.processRow(rs);
                last[0] = rs.getLong(1);
                read[0]++;
            }, last[0]);
        } while (read[0] == PAGE);
    }
}
