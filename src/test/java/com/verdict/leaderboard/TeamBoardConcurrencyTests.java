package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.scoring.Judges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A team's board rows are written at the end of each judgment's transaction, by many members at once: they
 * must still add up to exactly what the members' own rows say, on every board.
 */
@VerdictTest
class TeamBoardConcurrencyTests {

    private static final int MEMBERS = 8;

    @Autowired
    JudgingService judging;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeamJudgingAllAtOnceAddsUpExactlyOnEveryBoard() throws Exception {
        data.clearCatalog();
        data.interactions("crowded", 40);
        String team = "Crowd-" + System.nanoTime();
        List<Person> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(data.user("member", team));
        }
        Judges judges = new Judges(judging);
        ExecutorService pool = Executors.newFixedThreadPool(MEMBERS);
        try {
            List<Future<?>> playing = new ArrayList<>();
            for (Person member : members) {
                playing.add(pool.submit(() -> judges.voteAll(member, deal -> Outcome.A)));
            }
            for (Future<?> player : playing) {
                player.get();
            }
        } finally {
            pool.shutdown();
        }

        long judged = jdbc.queryForObject("select count(*) from judgment j join app_user u on u.id = j.judge_id "
                + "join team t on t.id = u.team_id where t.name = ?", Long.class, team);
        assertThat(judged).isGreaterThan(MEMBERS * 10L);
        List<Map<String, Object>> boards = jdbc.queryForList("""
                select t.period_key, t.points, t.judgments, t.active_members,
                    (select sum(b.points) from board_score b where b.period_key = t.period_key and b.team = t.team) m_points,
                    (select sum(b.judgments) from board_score b where b.period_key = t.period_key and b.team = t.team) m_judgments,
                    (select count(*) from board_score b where b.period_key = t.period_key and b.team = t.team
                        and b.points > 0) m_members
                from team_board_score t where t.team = ?""", team);
        assertThat(boards).hasSizeGreaterThanOrEqualTo(4);
        for (Map<String, Object> board : boards) {
            assertThat(((Number) board.get("judgments")).longValue()).as("judgments on %s", board.get("period_key"))
                    .isEqualTo(judged).isEqualTo(((Number) board.get("m_judgments")).longValue());
            assertThat(((Number) board.get("points")).longValue()).as("points on %s", board.get("period_key"))
                    .isEqualTo(((Number) board.get("m_points")).longValue());
            assertThat(((Number) board.get("active_members")).intValue()).isEqualTo(MEMBERS)
                    .isEqualTo(((Number) board.get("m_members")).intValue());
        }
    }
}
