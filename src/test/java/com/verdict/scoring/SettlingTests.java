package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a settled pair rests on: the judgments its consensus weighs. */
@VerdictTest
class SettlingTests {

    @Autowired
    JudgingService judging;
    @Autowired
    ScoringService scoring;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        data.clearCatalog();
    }

    /** A judge flagged at the last refit (as the refit writes them), with the prior confusion matrix. */
    private Person flagged() {
        Person judge = data.user("flagged-judge");
        jdbc.update("""
                insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments, gold_matched,
                    left_share, left_warranted, too_fast_share, median_time_ms, settled, agreed, flagged, flag_reason,
                    fitted_at) values (?, ?, 0.4, 20, 0, 0, null, null, 0, 5000, 10, 4, true, 'test', ?)""",
                judge.id(), Reliabilities.format(DawidSkene.priorConfusion(), 0), Timestamp.from(Instant.now()));
        return judge;
    }

    /**
     * Two of the pair's first three judges are flagged, so their votes are left out of the posterior; the one vote
     * that counts gives 0.82 (prior confusion), above the settle confidence, but one judge's word does not settle
     * a pair: it is dealt on until judgments-per-pair votes count.
     */
    @Test
    void aPairSettlesOnlyOnceJudgmentsPerPairVotesCount() {
        data.interactions("one-pair", 1);
        Judges judges = new Judges(judging);
        judges.vote(flagged(), Outcomes.B).orElseThrow();
        judges.vote(flagged(), Outcomes.B).orElseThrow();
        judges.vote(data.user("honest-judge"), Outcomes.A).orElseThrow();
        long interactionId = jdbc.queryForObject("select id from interaction", Long.class);

        PairConsensus pair = scoring.pairsOf(interactionId).get(0);
        assertThat(pair.judgments()).isEqualTo(3);
        assertThat(pair.state()).isEqualTo(ConsensusState.OPEN);

        judges.vote(data.user("honest-judge"), Outcomes.A).orElseThrow();
        assertThat(scoring.pairsOf(interactionId).get(0).state()).isEqualTo(ConsensusState.OPEN);
        judges.vote(data.user("honest-judge"), Outcomes.A).orElseThrow();
        pair = scoring.pairsOf(interactionId).get(0);
        assertThat(pair.state()).isEqualTo(ConsensusState.SETTLED);
        assertThat(pair.decision()).isEqualTo(Decision.A);
    }
}
