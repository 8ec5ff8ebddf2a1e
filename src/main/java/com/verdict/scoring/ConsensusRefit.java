package com.verdict.scoring;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgingService;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A full refit: reads every vote with plain JDBC into primitive arrays, fits the consensus model
 * ({@link DawidSkene}) from scratch, and writes back what changed — judge reliabilities, pair and interaction
 * decisions, bonuses for pairs that settled, dealing limits — in short transactions of {@value #CHUNK} rows,
 * so that judging never waits long. Pair rows are read before the votes, and a pair or interaction is written
 * only if no judgment arrived since (its judgment count is unchanged): a newer judgment has already updated it.
 * Every reliability is refitted over all judgments, starting from where the last refit left it: that reaches
 * the same estimates in fewer rounds, and leaves the decisions that new judgments did not move as they were.
 */
@Component
class ConsensusRefit {

    static final int CHUNK = 5000;
    private static final Logger log = LoggerFactory.getLogger(ConsensusRefit.class);
    /**
     * A confidence that moved less than this is not worth a write: new judgments move every judge's
     * reliability a little, and with it the posteriors of all their pairs; the next judgment of a pair
     * recomputes it anyway.
     */
    static final double UNCHANGED = 0.02;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RefitReader reader;
    private final PairTallyWriter pairTallies;
    private final InteractionDecisionWriter interactionDecisions;
    private final PeopleService people;
    private final PairRules rules;
    private final DawidSkene.Flagging flagging;
    private final ReentrantLock running = new ReentrantLock();

    ConsensusRefit(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PointsLedger ledger,
            ObjectProvider<JudgingService> judging, PeopleService people, ApplicationEventPublisher events,
            VerdictProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reader = new RefitReader(jdbc, transactionManager);
        this.people = people;
        this.rules = Consensus.rules(properties);
        this.pairTallies = new PairTallyWriter(jdbc, transactions, ledger, judging, rules);
        this.interactionDecisions = new InteractionDecisionWriter(jdbc, transactions, events, rules);
        this.flagging = new DawidSkene.Flagging(properties.scoring().flagBelow(),
                properties.scoring().flagAfter());
    }

    /** Runs a full refit; a second caller waits for the running one to end, then runs its own. */
    RefitSummary refit() {
        running.lock();
        try {
            return run();
        } finally {
            running.unlock();
        }
    }

    private RefitSummary run() {
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Laps laps = new Laps();
        RefitReader.Pairs pairs = reader.pairs();
        laps.lap("read pairs");
        RefitReader.Votes votes = reader.votes(pairs);
        Crowd crowd = votes.crowd;
        laps.lap("read votes");
        DawidSkene.Fit fit = DawidSkene.fit(crowd, flagging, reader.lastFit(votes));
        laps.lap("fit");

        byte[] state = new byte[crowd.pairs];
        int[] decision = new int[crowd.pairs];
        boolean[] settled = new boolean[crowd.pairs];
        int settledPairs = 0;
        int contestedPairs = 0;
        for (int p = 0; p < crowd.pairs; p++) {
            int n = crowd.start[p + 1] - crowd.start[p];
            int counted = 0;
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                counted += fit.flagged()[crowd.judge[v]] ? 0 : 1;
            }
            decision[p] = fit.decision(p);
            ConsensusState s = rules.state(counted, n, fit.confidence(p), crowd.gold[p] >= 0);
            state[p] = (byte) s.ordinal();
            settled[p] = s == ConsensusState.SETTLED;
            settledPairs += settled[p] ? 1 : 0;
            contestedPairs += s == ConsensusState.CONTESTED ? 1 : 0;
        }
        JudgeAssessment assessment = new JudgeAssessment(crowd, fit, votes.tooFast, votes.timeMs, settled, decision);
        int flaggedJudges = writeJudges(votes, fit, assessment, now);
        laps.lap("judges");

        List<Integer> writtenPairs = pairTallies.write(pairs, votes, fit, state, decision, now, laps);
        laps.lap("pairs");
        int interactionsChanged = interactionDecisions.write(pairs, writtenPairs, fit, state, now);
        laps.lap("interactions");
        writeAgreement(votes, pairs);
        laps.lap("agreement");
        log.debug("Refit phases: {}", laps);
        long millis = (System.nanoTime() - started) / 1_000_000;
        RefitSummary summary = new RefitSummary(crowd.votes(), crowd.judges, crowd.pairs, fit.iterations(),
                settledPairs, contestedPairs, flaggedJudges, writtenPairs.size(), interactionsChanged, millis, now);
        writeModel(fit, summary);
        return summary;
    }

    /** Replaces every judge's reliability in one transaction; returns how many are flagged. */
    private int writeJudges(RefitReader.Votes votes, DawidSkene.Fit fit, JudgeAssessment assessment, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(votes.crowd.judges);
        int flagged = 0;
        for (int j = 0; j < votes.crowd.judges; j++) {
            boolean isFlagged = fit.flagged()[j];
            flagged += isFlagged ? 1 : 0;
            rows.add(new Object[] {votes.judgeIds[j], Reliabilities.format(fit.confusion(), j * 16), fit.accuracy()[j],
                    assessment.judgments[j], assessment.goldJudgments[j], assessment.goldMatched[j],
                    assessment.leftShare(j), assessment.leftWarrantedShare(j), assessment.tooFastShare(j),
                    assessment.medianTimeMs[j], assessment.settled[j], assessment.agreed[j], isFlagged,
                    isFlagged ? assessment.reason(j, fit.accuracy()[j], flagging.below()) : null, at});
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from judge_reliability");
            jdbc.batchUpdate("""
                    insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments,
                        gold_matched, left_share, left_warranted, too_fast_share, median_time_ms, settled, agreed,
                        flagged, flag_reason, fitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows);
        });
        return flagged;
    }

    private void writeModel(DawidSkene.Fit fit, RefitSummary summary) {
        double[] prior = fit.classPrior();
        Object[] values = {prior[0], prior[1], prior[2], prior[3], summary.judgments(), summary.judges(),
                summary.pairs(), summary.iterations(), summary.settledPairs(), summary.contestedPairs(),
                summary.flaggedJudges(), summary.pairsChanged(), summary.interactionsChanged(), summary.millis(),
                Timestamp.from(summary.fittedAt())};
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from scoring_model");
            jdbc.update("""
                    insert into scoring_model (id, prior_a, prior_b, prior_tie, prior_both_bad, judgments, judges,
                        pairs, iterations, settled, contested, flagged, pairs_changed, interactions_changed, millis,
                        fitted_at) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        });
    }

    /**
     * Krippendorff's alpha over every pair that is not gold: overall, per category, and per team (each pair's
     * votes from members of one team, when at least two of them judged it).
     */
    private void writeAgreement(RefitReader.Votes votes, RefitReader.Pairs pairs) {
        Crowd crowd = votes.crowd;
        Map<Long, String> teamOf = new HashMap<>();
        for (Person person : people.all()) {
            if (person.team() != null) {
                teamOf.put(person.id(), person.team());
            }
        }
        Krippendorff overall = new Krippendorff();
        Map<String, Krippendorff> byCategory = new HashMap<>();
        Map<String, Krippendorff> byTeam = new HashMap<>();
        int[] counts = new int[Outcomes.COUNT];
        for (int p = 0; p < crowd.pairs; p++) {
            if (crowd.gold[p] >= 0) {
                continue;
            }
            Arrays.fill(counts, 0);
            Map<String, int[]> teamCounts = new HashMap<>();
            for (int v = crowd.start[p]; v < crowd.start[p + 1]; v++) {
                counts[crowd.outcome(v)]++;
                String team = teamOf.get(votes.judgeIds[crowd.judge[v]]);
                if (team != null) {
                    teamCounts.computeIfAbsent(team, t -> new int[Outcomes.COUNT])[crowd.outcome(v)]++;
                }
            }
            overall.add(counts);
            if (p < pairs.known && pairs.category[p] != null) {
                byCategory.computeIfAbsent(pairs.category[p], c -> new Krippendorff()).add(counts);
            }
            teamCounts.forEach((team, c) -> byTeam.computeIfAbsent(team, t -> new Krippendorff()).add(c));
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(alphaRow("OVERALL", "all", overall));
        byCategory.forEach((category, alpha) -> rows.add(alphaRow("CATEGORY", category, alpha)));
        byTeam.forEach((team, alpha) -> rows.add(alphaRow("TEAM", team, alpha)));
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from agreement_alpha");
            jdbc.batchUpdate("insert into agreement_alpha (scope, name, alpha, units, votes) values (?, ?, ?, ?, ?)",
                    rows);
        });
    }

    private static Object[] alphaRow(String scope, String name, Krippendorff alpha) {
        return new Object[] {scope, name, alpha.alpha(), alpha.units(), alpha.values()};
    }

    /** How long each phase of a refit took, for the debug log. */
    static final class Laps {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            add(phase, now - mark);
            mark = now;
        }

        void add(String phase, long elapsed) {
            nanos.merge(phase, elapsed, Long::sum);
        }

        @Override
        public String toString() {
            StringJoiner text = new StringJoiner(", ");
            nanos.forEach((phase, elapsed) -> text.add(phase + " " + elapsed / 1_000_000 + " ms"));
            return text.toString();
        }
    }
}
