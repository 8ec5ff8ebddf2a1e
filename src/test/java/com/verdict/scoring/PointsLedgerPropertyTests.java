package com.verdict.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Whatever judges do, in whatever order, with refits in between: every judge's totals equal their ledger, and
 * no vote earns a consensus bonus twice. Runs on the shared test application (jqwik does not start Spring, so
 * each try asks Spring's test context for it).
 */
@VerdictTest
class PointsLedgerPropertyTests {

    private static final int JUDGES = 6;
    private static List<Person> judges;

    @Autowired
    TestData data;
    @Autowired
    JudgingService judging;
    @Autowired
    ScoringService scoring;
    @Autowired
    JdbcTemplate jdbc;

    /** A judge's vote (candidate terms), or a full refit. */
    record Step(int judge, int outcome, boolean refit) {
    }

    @BeforeTry
    void startClean() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        data.clearCatalog();
        if (judges == null) {
            List<Person> created = new ArrayList<>();
            for (int j = 0; j < JUDGES; j++) {
                created.add(data.user("ledger"));
            }
            judges = created;
        }
    }

    @Provide
    Arbitrary<List<Step>> plays() {
        Arbitrary<Step> vote = Combinators.combine(Arbitraries.integers().between(0, JUDGES - 1),
                Arbitraries.integers().between(0, 3).edgeCases(e -> e.includeOnly(0)))
                .as((judge, outcome) -> new Step(judge, outcome, false));
        Arbitrary<Step> refit = Arbitraries.just(new Step(0, 0, true));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, vote), net.jqwik.api.Tuple.of(1, refit))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 12)
    void theLedgerAlwaysSumsToTheTotals(@ForAll("plays") List<Step> steps) {
        data.interactions("ledger", 6);
        for (Step step : steps) {
            if (step.refit()) {
                scoring.refit();
            } else {
                new Judges(judging).vote(judges.get(step.judge()), step.outcome());
            }
        }

        List<Map<String, Object>> totals = jdbc.queryForList("""
                select s.judge_id, s.points, s.judgments,
                    (select coalesce(sum(e.amount), 0) from points_entry e where e.judge_id = s.judge_id) as ledger,
                    (select count(*) from judgment j where j.judge_id = s.judge_id) as judged
                from judge_score s""");
        for (Map<String, Object> row : totals) {
            assertThat(((Number) row.get("points")).longValue()).isEqualTo(((Number) row.get("ledger")).longValue());
            assertThat(((Number) row.get("judgments")).longValue())
                    .isEqualTo(((Number) row.get("judged")).longValue());
            long judgeId = ((Number) row.get("judge_id")).longValue();
            MyStats stats = scoring.myStats(judgeId);
            assertThat(stats.breakdown().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(stats.points());
        }
        assertThat(jdbc.queryForObject("select count(*) from judgment", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from vote", Long.class));
        assertThat(jdbc.queryForObject("""
                select count(*) from (select judge_id, pair_id from points_entry where kind = 'CONSENSUS'
                group by judge_id, pair_id having count(*) > 1) twice""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from vote v join pair_tally t on t.pair_id = v.pair_id
                where t.state = 'SETTLED' and t.gold is null and v.agreed is null""", Long.class)).isZero();
    }
}
