package com.verdict.scoring;

import com.verdict.base.VerdictProperties;
import com.verdict.judging.JudgingService;
import com.verdict.people.PeopleService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A full refit: reads every vote with plain JDBC into primitive arrays ({@link RefitReader}), fits the consensus
 * model ({@link DawidSkene}) from scratch, decides each pair's state, and writes back what changed — judge
 * reliabilities ({@link ModelWriter}), pair decisions with bonuses for pairs that settled and dealing limits
 * ({@link PairTallyWriter}), interaction decisions ({@link InteractionDecisionWriter}), agreement ({@link
 * AgreementWriter}) — in short transactions of {@value #CHUNK} rows, so that judging never waits long. Pair rows
 * are read before the votes, and a pair or interaction is written only if no judgment arrived since (its
 * judgment count is unchanged): a newer judgment has already updated it. Every reliability is refitted over all
 * judgments, starting from where the last refit left it: that reaches the same estimates in fewer rounds, and
 * leaves the decisions that new judgments did not move as they were.
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

    private final PairRules rules;
    private final DawidSkene.Flagging flagging;
    private final RefitReader reader;
    private final ModelWriter model;
    private final PairTallyWriter pairTallies;
    private final InteractionDecisionWriter interactionDecisions;
    private final AgreementWriter agreement;
    private final ReentrantLock running = new ReentrantLock();

    ConsensusRefit(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PointsLedger ledger,
            ObjectProvider<JudgingService> judging, PeopleService people, ApplicationEventPublisher events,
            VerdictProperties properties) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        this.rules = Consensus.rules(properties);
        this.flagging = new DawidSkene.Flagging(properties.scoring().flagBelow(),
                properties.scoring().flagAfter());
        this.reader = new RefitReader(jdbc, transactionManager);
        this.model = new ModelWriter(jdbc, transactions, flagging);
        this.pairTallies = new PairTallyWriter(jdbc, transactions, ledger, judging, rules);
        this.interactionDecisions = new InteractionDecisionWriter(jdbc, transactions, events, rules);
        this.agreement = new AgreementWriter(jdbc, transactions, people);
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
        int flaggedJudges = model.writeJudges(votes, fit, assessment, now);
        laps.lap("judges");

        List<Integer> writtenPairs = pairTallies.write(pairs, votes, fit, state, decision, laps);
        laps.lap("pairs");
        int interactionsChanged = interactionDecisions.write(pairs, writtenPairs, fit, state);
        laps.lap("interactions");
        agreement.write(votes, pairs);
        laps.lap("agreement");
        log.debug("Refit phases: {}", laps);
        long millis = (System.nanoTime() - started) / 1_000_000;
        RefitSummary summary = new RefitSummary(crowd.votes(), crowd.judges, crowd.pairs, fit.iterations(),
                settledPairs, contestedPairs, flaggedJudges, writtenPairs.size(), interactionsChanged, millis, now);
        model.writeModel(fit, summary);
        return summary;
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
