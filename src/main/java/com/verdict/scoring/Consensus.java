package com.verdict.scoring;

import com.verdict.base.VerdictProperties;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.PairContent;
import com.verdict.catalog.PairsAdded;
import com.verdict.judging.JudgingService;
import com.verdict.judging.JudgmentRecorded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every pair's and interaction's consensus current as judgments arrive, with the judge reliabilities of
 * the last full refit ({@link ConsensusRefit}): a handful of indexed reads and writes per judgment.
 *
 * <p>Locks are taken in one order everywhere, so concurrent judgments never deadlock: the pair's dealing row
 * (judging takes it before scoring is called, which also serialises judgments of one pair), the interaction's
 * decision row, the pair's consensus row, then judges' totals in id order ({@link PointsLedger#apply}).
 */
@Component
class Consensus {

    /** What {@link #judgedPair} reads of a {@code pair_tally} row. */
    static final String PAIR_COLUMNS = "candidate_a, candidate_b, p_a, p_b, p_tie, p_both_bad, state";

    private final JdbcTemplate jdbc;
    private final CatalogService catalog;
    private final ObjectProvider<JudgingService> judging;
    private final ApplicationEventPublisher events;
    private final PairRules rules;

    /** Judging calls scoring while it records a judgment, so judging is looked up when first needed. */
    Consensus(JdbcTemplate jdbc, CatalogService catalog, ObjectProvider<JudgingService> judging,
            ApplicationEventPublisher events, VerdictProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.judging = judging;
        this.events = events;
        this.rules = rules(properties);
    }

    static PairRules rules(VerdictProperties properties) {
        return new PairRules(properties.judging().judgmentsPerPair(), properties.judging().maxJudgmentsPerPair(),
                properties.scoring().settleConfidence());
    }

    /**
     * Every interaction gets its decision row, open, inside its import's transaction, so that judgments of its
     * pairs can lock it; an interaction imported again (replaced) starts over.
     */
    @EventListener
    void on(PairsAdded added) {
        Map<Long, Integer> pairs = new LinkedHashMap<>();
        added.pairs().forEach(p -> pairs.merge(p.interactionId(), 1, Integer::sum));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                merge into interaction_decision t
                using (values (cast(? as bigint), cast(? as int), cast(? as timestamp with time zone)))
                    as s (interaction_id, pairs, updated_at)
                on t.interaction_id = s.interaction_id
                when matched then update set pairs = s.pairs, best_candidate = null, confidence = 0, state = 'OPEN',
                    outcome = null, updated_at = s.updated_at
                when not matched then insert (interaction_id, best_candidate, confidence, updated_at, state, pairs,
                    judgments) values (s.interaction_id, null, 0, s.updated_at, 'OPEN', s.pairs, 0)""",
                pairs.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue(), now}).toList());
    }

    /** Whether the judge is flagged at the last refit. */
    boolean isFlagged(long judgeId) {
        return jdbc.queryForList("select flagged from judge_reliability where judge_id = ?", Boolean.class, judgeId)
                .stream().findFirst().orElse(false);
    }

    /**
     * Records the vote, then brings its pair and interaction up to date: posterior, decision, state, the pair's
     * judgment limit for dealing, and, when the pair is settled, every vote not yet scored (into {@code changes}).
     */
    void judged(JudgmentRecorded judgment, ScoreChanges changes) {
        long pairId = judgment.pairId();
        Timestamp at = Timestamp.from(judgment.at());
        Integer gold = judgment.gold() == null ? null : judgment.gold().ordinal();
        int outcome = judgment.outcome().ordinal();
        jdbc.update("insert into vote (judgment_id, judge_id, pair_id, outcome, a_shown_left, gold, too_fast, "
                        + "time_on_task_ms, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                judgment.judgmentId(), judgment.judgeId(), pairId, outcome, judgment.aShownLeft(), gold,
                judgment.tooFast(), judgment.timeOnTask().toMillis(), at);
        lockInteraction(judgment.interactionId(), at);
        Integer judgments = jdbc.queryForList("select judgments from pair_tally where pair_id = ?", Integer.class,
                pairId).stream().findFirst().orElse(null);
        if (judgments == null) {
            insertPair(pairId);
            judgments = 0;
        }
        int n = judgments + 1;
        Weighed weighed = gold != null ? new Weighed(oneHot(gold), n) : posteriorOf(pairId);
        double[] posterior = weighed.posterior();
        int decision = DawidSkene.argMax(posterior, 0);
        ConsensusState state = rules.state(weighed.counted(), n, posterior[decision], gold != null);
        jdbc.update("""
                update pair_tally set a_votes = a_votes + ?, b_votes = b_votes + ?, ties = ties + ?,
                    both_bad = both_bad + ?, judgments = ?, gold = ?, p_a = ?, p_b = ?, p_tie = ?, p_both_bad = ?,
                    decision = ?, confidence = ?, state = ?,
                    settled_at = case when ? = 'SETTLED' then coalesce(settled_at, ?) end
                where pair_id = ?""",
                outcome == Outcomes.A ? 1 : 0, outcome == Outcomes.B ? 1 : 0, outcome == Outcomes.TIE ? 1 : 0,
                outcome == Outcomes.BOTH_BAD ? 1 : 0, n, gold, posterior[0], posterior[1], posterior[2],
                posterior[3], decision, posterior[decision], state.name(), state.name(), at, pairId);
        if (gold == null) {
            if (state == ConsensusState.SETTLED) {
                scoreVotes(pairId, decision, judgment.at(), changes);
            }
            judging.getObject().limitJudgments(pairId, rules.dealLimit(state, n));
        }
        decideInteraction(judgment.interactionId(), at);
    }

    /**
     * Scores the pair's votes not yet scored against its settled decision: each agreed or not, and earns a
     * bonus unless its judge is flagged or it was too fast.
     */
    private void scoreVotes(long pairId, int decision, Instant at, ScoreChanges changes) {
        List<long[]> votes = jdbc.query("""
                select v.judgment_id, v.judge_id, v.outcome, case when v.too_fast or r.flagged then 0 else 1 end
                from vote v left join judge_reliability r on r.judge_id = v.judge_id
                where v.pair_id = ? and v.agreed is null order by v.judgment_id""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)}, pairId);
        if (votes.isEmpty()) {
            return;
        }
        jdbc.update("update vote set agreed = case when outcome = ? then true else false end, scored_at = ? "
                + "where pair_id = ? and agreed is null", decision, Timestamp.from(at), pairId);
        for (long[] vote : votes) {
            changes.settled(vote[1], vote[0], pairId, vote[2] == decision, vote[3] == 1, at);
        }
    }

    /** The model's class prior at the last refit. */
    private double[] classPrior() {
        return jdbc.query("select prior_a, prior_b, prior_tie, prior_both_bad from scoring_model where id = 1",
                        (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .stream().findFirst().orElse(DawidSkene.DEFAULT_CLASS_PRIOR.clone());
    }

    /** A pair's posterior, and how many votes it weighs (flagged judges' are left out). */
    private record Weighed(double[] posterior, int counted) {
    }

    /** The pair's posterior from all its votes, each weighed by its judge's confusion at the last refit. */
    private Weighed posteriorOf(long pairId) {
        List<Object[]> votes = jdbc.query("""
                select v.outcome, v.a_shown_left, r.confusion, r.flagged
                from vote v left join judge_reliability r on r.judge_id = v.judge_id where v.pair_id = ?""",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)}, pairId);
        int n = votes.size();
        int[] pair = new int[n];
        int[] judge = new int[n];
        byte[] outcome = new byte[n];
        boolean[] aShownLeft = new boolean[n];
        boolean[] ignored = new boolean[n];
        double[] logConfusion = new double[n * 16];
        double[] prior = DawidSkene.priorConfusion();
        for (int v = 0; v < n; v++) {
            Object[] vote = votes.get(v);
            judge[v] = v;
            outcome[v] = (byte) (int) (Integer) vote[0];
            aShownLeft[v] = (Boolean) vote[1];
            ignored[v] = (Boolean) vote[3];
            double[] confusion = vote[2] == null ? prior : Reliabilities.parse((String) vote[2]);
            for (int c = 0; c < 16; c++) {
                logConfusion[v * 16 + c] = Math.log(confusion[c]);
            }
        }
        Crowd crowd = Crowd.of(1, n, n, pair, judge, outcome, aShownLeft, new byte[] {-1});
        double[] logPrior = new double[Outcomes.COUNT];
        DawidSkene.logInto(classPrior(), logPrior);
        double[] posterior = new double[Outcomes.COUNT];
        DawidSkene.posterior(crowd, 0, logPrior, logConfusion, ignored, posterior);
        int counted = 0;
        for (boolean leftOut : ignored) {
            counted += leftOut ? 0 : 1;
        }
        return new Weighed(posterior, counted);
    }

    /**
     * Recomputes the interaction's decision from its pairs' consensus; publishes {@link InteractionStateChanged}
     * when its state changes. The decision's time moves only when the decision does: exports select by it, and
     * a judgment of a pair that leaves it as it was must not bring its record back into an export {@code since}.
     */
    void decideInteraction(long interactionId, Timestamp at) {
        Stored stored = jdbc.queryForObject(
                "select pairs, state, outcome, best_candidate, confidence from interaction_decision "
                        + "where interaction_id = ?", (rs, i) -> {
                    String outcome = rs.getString(3);
                    return new Stored(rs.getInt(1), new InteractionRanking.Result(
                            ConsensusState.valueOf(rs.getString(2)),
                            outcome == null ? null : InteractionOutcome.valueOf(outcome), rs.getObject(4, Long.class),
                            rs.getDouble(5)));
                }, interactionId);
        InteractionRanking.Result was = stored.decision();
        List<InteractionRanking.JudgedPair> pairs = jdbc.query(
                "select " + PAIR_COLUMNS + " from pair_tally where interaction_id = ? order by pair_id",
                (rs, i) -> judgedPair(rs, 1), interactionId);
        InteractionRanking.Result result = InteractionRanking.decide(pairs, stored.pairs(), rules.settleConfidence());
        if (result.equals(was)) {
            return;
        }
        // A new confidence alone is written without a new time: the exported records stay as they were.
        boolean decisionMoved = result.movedFrom(was);
        jdbc.update("update interaction_decision set best_candidate = ?, confidence = ?, state = ?, outcome = ?, "
                        + "updated_at = case when ? then ? else updated_at end where interaction_id = ?",
                result.best(), result.confidence(), result.state().name(),
                result.outcome() == null ? null : result.outcome().name(), decisionMoved, at, interactionId);
        if (result.state() != was.state()) {
            events.publishEvent(new InteractionStateChanged(interactionId, result.state()));
        }
    }

    /** An interaction's decision row: how many pairs it has, and the decision as last stored. */
    private record Stored(int pairs, InteractionRanking.Result decision) {
    }

    /** The pair read from {@link #PAIR_COLUMNS}, starting at column {@code first}. */
    static InteractionRanking.JudgedPair judgedPair(ResultSet rs, int first) throws SQLException {
        return new InteractionRanking.JudgedPair(rs.getLong(first), rs.getLong(first + 1),
                new double[] {rs.getDouble(first + 2), rs.getDouble(first + 3), rs.getDouble(first + 4),
                        rs.getDouble(first + 5)},
                ConsensusState.valueOf(rs.getString(first + 6)));
    }

    /** Takes the interaction's row lock first, so that judgments of its other pairs wait for this one. */
    private void lockInteraction(long interactionId, Timestamp at) {
        if (jdbc.update("update interaction_decision set judgments = judgments + 1 where interaction_id = ?",
                interactionId) == 0) {
            jdbc.update("insert into interaction_decision (interaction_id, best_candidate, confidence, updated_at, "
                    + "state, pairs, judgments) values (?, null, 0, ?, 'OPEN', 0, 1)", interactionId, at);
        }
    }

    /** The pair's first judgment: its row, with what standings and agreement by category need from the catalog. */
    private void insertPair(long pairId) {
        PairContent pair = catalog.pair(pairId).orElseThrow();
        jdbc.update("""
                insert into pair_tally (pair_id, interaction_id, candidate_a, candidate_b, a_votes, b_votes, ties,
                    both_bad, category, source_a, source_b, judgments, state)
                values (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, 0, 'OPEN')""",
                pairId, pair.interactionId(), pair.a().id(), pair.b().id(), pair.category().key(), pair.a().source(),
                pair.b().source());
    }

    private static double[] oneHot(int outcome) {
        double[] posterior = new double[Outcomes.COUNT];
        posterior[outcome] = 1;
        return posterior;
    }
}
