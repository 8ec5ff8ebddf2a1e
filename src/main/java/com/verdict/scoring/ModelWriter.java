package com.verdict.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces the model a refit stores, which the next refit starts from ({@link RefitReader#lastFit}): every
 * judge's reliability with what the refit learnt of them, and the class prior with the refit's summary.
 */
final class ModelWriter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DawidSkene.Flagging flagging;

    ModelWriter(JdbcTemplate jdbc, TransactionTemplate transactions, DawidSkene.Flagging flagging) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.flagging = flagging;
    }

    /** Replaces every judge's reliability in one transaction; returns how many are flagged. */
    int writeJudges(RefitReader.Votes votes, DawidSkene.Fit fit, JudgeAssessment assessment, Instant now) {
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

    /** The class prior, with the refit's summary: written last, since the summary counts what the rest wrote. */
    void writeModel(DawidSkene.Fit fit, RefitSummary summary) {
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
}
