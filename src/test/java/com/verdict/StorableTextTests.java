package com.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verdict.base.ApiException;
import com.verdict.base.StoredText;
import com.verdict.judging.Deal;
import com.verdict.judging.JudgingService;
import com.verdict.judging.Verdict;
import com.verdict.leaderboard.LeaderboardService;
import com.verdict.people.ApiTokenService;
import com.verdict.people.NewUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Text typed into a view reaches the services without passing the JSON checks: a NUL character (which
 * PostgreSQL cannot store) is refused there too, naming the field, and nothing is stored. So is half a surrogate
 * pair, in a request body or an import line as well: no character at all, which no UTF-8 export could write.
 */
@VerdictTest
class StorableTextTests {

    @Autowired
    JudgingService judging;
    @Autowired
    PeopleService people;
    @Autowired
    LeaderboardService leaderboards;
    @Autowired
    TestData data;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReasonWithANulIsRefusedAndThePairStaysOpen() {
        data.clearCatalog();
        data.interactions("nul", 1);
        Person judge = data.user("nul-judge");
        Deal deal = judging.next(judge.id(), null).orElseThrow();
        assertThatThrownBy(() -> judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, "fine\u0000"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsExactly(
                        "reason: must not contain the NUL character (\\u0000)"));
        assertThat(jdbc.queryForObject("select count(*) from judgment where judge_id = ?", Long.class, judge.id()))
                .isZero();
        assertThat(judging.judge(judge.id(), deal.assignmentId(), Verdict.LEFT, "fine").points()).isPositive();
    }

    @Test
    void halfASurrogatePairIsRefusedWhereverTextIsStoredAndAWholeOneIsText() {
        assertThat(StoredText.problem("a \ud83d\ude00 grin")).isNull();
        assertThat(StoredText.problem("x \ud800 y"))
                .isEqualTo("must be valid Unicode: character 3 is half of a surrogate pair (\\uD800) without the other");
        assertThat(StoredText.problem("ends high \ud83d")).contains("character 11").contains("\\uD83D");
        assertThat(StoredText.problem("\ude00 starts low")).contains("character 1");

        Person owner = data.user("owner");
        assertThatThrownBy(() -> tokens.create(owner.id(), "token \ud800", List.of("export")))
                .isInstanceOf(ApiException.class).satisfies(e ->
                        assertThat(((ApiException) e).details()).singleElement().asString()
                                .startsWith("name: must be valid Unicode"));
        assertThatThrownBy(() -> people.createTeam("Team \ud800")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> people.create(new NewUser("half-" + System.nanoTime(), "Half \udc00", null,
                Set.of(Role.JUDGE), "password"))).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("displayName").hasMessageContaining("surrogate");
        Instant now = Instant.now();
        assertThatThrownBy(() -> leaderboards.createSeason("Cup \udc00", "A prize", now, now.plus(Duration.ofDays(7))))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).singleElement().asString()
                        .startsWith("title: must be valid Unicode"));
    }

    @Test
    void theSameSeasonTwiceIsAConflict() {
        Instant start = Instant.parse("2031-03-01T00:00:00Z");
        String title = "Spring " + System.nanoTime();
        leaderboards.createSeason(title, "A prize", start, start.plus(Duration.ofDays(30)));

        assertThatThrownBy(() -> leaderboards.createSeason(title, "A prize", start, start.plus(Duration.ofDays(30))))
                .isInstanceOf(ApiException.class).hasMessageContaining("has this title and these dates already")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aSeasonWithoutItsStartSaysSo() {
        assertThatThrownBy(() -> leaderboards.createSeason("Cup", "A prize", null, Instant.now()))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsExactly("startsAt: is required"));
    }

    @Test
    void aUserOrSeasonWithANulIsRefused() {
        assertThatThrownBy(() -> people.create(new NewUser("nul-user", "Nul\u0000", null, Set.of(Role.JUDGE),
                "password"))).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("displayName").hasMessageContaining("NUL");
        assertThat(people.findByUsername("nul-user")).isEmpty();
        Instant now = Instant.now();
        assertThatThrownBy(() -> leaderboards.createSeason("Cup\u0000", "A prize", now, now.plus(Duration.ofDays(7))))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).containsExactly(
                        "title: must not contain the NUL character (\\u0000)"));
    }
}
