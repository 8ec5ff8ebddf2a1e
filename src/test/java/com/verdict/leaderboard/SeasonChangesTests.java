package com.verdict.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.verdict.TestData;
import com.verdict.VerdictTest;
import com.verdict.base.ApiException;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Outcome;
import com.verdict.people.Person;
import com.verdict.scoring.Judges;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** A season's dates change only where its board allows; its title and prize at any time. */
@VerdictTest
class SeasonChangesTests {

    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    Seasons seasons;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JudgingService judging;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void clean() {
        data.clearCatalog();
        jdbc.update("delete from season");
    }

    @Test
    void aSeasonNotYetStartedMovesAsAWholeAndAStartMovedIntoThePastCountsThePointsSinceThen() {
        Season cup = leaderboards.createSeason("Spring cup", "", now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(8)));
        Person early = data.user("early");
        Person late = data.user("late");
        data.interactions("moved", 3);
        Judges judges = new Judges(judging);
        judges.voteAll(early, deal -> Outcome.A);
        judges.voteAll(late, deal -> Outcome.B);
        // The early judge's judgments and points were made before the season's new start.
        Timestamp before = Timestamp.from(now.minus(Duration.ofDays(2)));
        jdbc.update("update judgment set created_at = ? where judge_id = ?", before, early.id());
        jdbc.update("update points_entry set created_at = ? where judge_id = ?", before, early.id());
        long latePoints = jdbc.queryForObject("select sum(amount) from points_entry where judge_id = ?", Long.class,
                late.id());

        Season later = leaderboards.editSeason(cup.id(), "Spring cup", "A mug", now.plus(Duration.ofDays(7)),
                now.plus(Duration.ofDays(14)));
        assertThat(later).extracting(Season::prize, Season::startsAt, Season::endsAt)
                .containsExactly("A mug", now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)));
        assertThat(leaderboards.seasonBoard(cup.id(), null, late, false).rows()).isEmpty();

        leaderboards.editSeason(cup.id(), "Spring cup", "A mug", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(6)));

        assertThat(leaderboards.seasonBoard(cup.id(), null, late, false).rows())
                .as("the points since its new start, as if it had been created so")
                .extracting(LeaderboardRow::username, LeaderboardRow::points, LeaderboardRow::judgments)
                .containsExactly(tuple(late.username(), latePoints, 3L));
        assertThat(jdbc.queryForList("select details from audit_log where action = 'season.changed'", String.class))
                .anySatisfy(details -> assertThat(details).startsWith(cup.id() + ": prize  → A mug, starts "));
    }

    @Test
    void aRunningSeasonMayEndAtAnotherTimeStillToComeButKeepsItsStart() {
        Season running = leaderboards.createSeason("Autumn cup", "", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)));

        Season longer = leaderboards.editSeason(running.id(), "Autumn cup", "", running.startsAt(),
                now.plus(Duration.ofDays(3)));
        assertThat(longer.endsAt()).isEqualTo(now.plus(Duration.ofDays(3)));

        assertThat(problems(() -> leaderboards.editSeason(running.id(), "Autumn cup", "",
                now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1))))).containsExactly(
                        "startsAt: the season has started (or starts within a minute): its start stays",
                        "endsAt: must be still to come");
        assertThat(seasons.find(running.id()).orElseThrow()).extracting(Season::startsAt, Season::endsAt)
                .containsExactly(running.startsAt(), now.plus(Duration.ofDays(3)));
        assertThat(problems(() -> leaderboards.editSeason(running.id(), "Autumn cup", "", running.startsAt(),
                now.plus(Duration.ofSeconds(20))))).as("an end still to come, however soon")
                .isEmpty();
    }

    @Test
    void anEndedSeasonKeepsItsDatesButItsTitleCanBeCorrected() {
        Season ended = seasons.create("Sumer cup", "", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));

        assertThat(problems(() -> leaderboards.editSeason(ended.id(), "Summer cup", "", ended.startsAt(),
                now.plus(Duration.ofDays(1))))).containsExactly(
                        "endsAt: the season has ended (or ends within a minute): its end stays");

        Season corrected = leaderboards.editSeason(ended.id(), "Summer cup", "", ended.startsAt(), ended.endsAt());
        assertThat(corrected).extracting(Season::title, Season::endsAt).containsExactly("Summer cup", ended.endsAt());
        assertThat(jdbc.queryForList("select details from audit_log where action = 'season.changed'", String.class))
                .contains(ended.id() + ": title Sumer cup → Summer cup");
    }

    @Test
    void aSeasonAboutToStartKeepsItsDates() {
        Instant soon = now.plus(Duration.ofSeconds(30));
        Season starting = leaderboards.createSeason("Dawn cup", "", soon, soon.plus(Duration.ofDays(1)));

        assertThat(problems(() -> leaderboards.editSeason(starting.id(), "Dawn cup", "", soon.plus(Duration.ofDays(1)),
                soon.plus(Duration.ofDays(2))))).containsExactly(
                        "startsAt: the season has started (or starts within a minute): its start stays");
        assertThatThrownBy(() -> leaderboards.deleteSeason(starting.id())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(seasons.find(starting.id()).orElseThrow().startsAt()).isEqualTo(soon);
    }

    @Test
    void onlyASeasonNotYetStartedIsDeleted() {
        Season future = leaderboards.createSeason("Next cup", "", now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));
        Season running = leaderboards.createSeason("This cup", "", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(2)));

        leaderboards.deleteSeason(future.id());

        assertThat(seasons.find(future.id())).isEmpty();
        assertThatThrownBy(() -> leaderboards.deleteSeason(running.id())).isInstanceOf(ApiException.class)
                .hasMessage("Season This cup has started (or starts within a minute): its board stays")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(seasons.find(running.id())).isPresent();
        assertThat(jdbc.queryForList("select details from audit_log where action = 'season.deleted'", String.class))
                .anySatisfy(details -> assertThat(details).startsWith(future.id() + ": Next cup "));
    }

    private static List<String> problems(Runnable change) {
        try {
            change.run();
            return List.of();
        } catch (ApiException e) {
            return e.details();
        }
    }
}
