package com.verdict;

import com.verdict.catalog.CatalogService;
import com.verdict.catalog.ImportMode;
import com.verdict.catalog.ImportResult;
import com.verdict.people.NewUser;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Builds what a test needs: a clean catalog, users, interactions, credentials, a signed-in user. */
@Component
public class TestData {

    public static final String PASSWORD = "secret-pw";
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Ids of rows written straight to the tables: far above any the sequences hand out, so they never meet. */
    private static final AtomicLong DIRECT_IDS = new AtomicLong(1L << 60);

    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final CatalogService catalog;
    private final UserDetailsService userDetails;

    TestData(JdbcTemplate jdbc, PeopleService people, CatalogService catalog, UserDetailsService userDetails) {
        this.jdbc = jdbc;
        this.people = people;
        this.catalog = catalog;
        this.userDetails = userDetails;
    }

    /** Removes every interaction, judgment, score, scoring model and board row; users and seasons stay. */
    public void clearCatalog() {
        for (String table : new String[] {"board_pending", "board_score", "team_board_score", "judge_badge", "judge_streak",
                "judge_preference", "interaction_decision", "pair_tally", "points_entry", "judge_score",
                "vote", "judge_reliability", "scoring_model", "agreement_alpha",
                "judgment", "assignment", "round", "judge_gold_due", "pair_pool", "pair", "candidate",
                "interaction"}) {
            jdbc.update("delete from " + table);
        }
    }

    /** A new judge in no team, with a unique username starting with {@code prefix}. */
    public Person user(String prefix) {
        return user(prefix, null);
    }

    /** A new user with a unique username starting with {@code prefix}, in {@code team}. */
    public Person user(String prefix, String team, Role... roles) {
        String username = prefix + "-" + NAMES.incrementAndGet();
        return people.create(new NewUser(username, "Test " + username, team,
                roles.length == 0 ? Set.of(Role.JUDGE) : Set.of(roles), PASSWORD));
    }

    /** Imports {@code count} two-response interactions with ids {@code prefix-0 …}; each has one pair. */
    public ImportResult interactions(String prefix, int count) {
        return importJsonl(IntStream.range(0, count)
                .mapToObj(i -> interactionLine(prefix + "-" + i, 2))
                .collect(Collectors.joining("\n")));
    }

    /**
     * Imports {@code count} interactions and records a judgment of each by the judge, made now, straight into
     * the tables: ten times faster than through the judging service, for tests that need many judgments
     * to exist but not their points, boards or consensus.
     */
    public void judgedNow(Person judge, int count) {
        String prefix = "judged-by-" + judge.username();
        interactions(prefix, count);
        Timestamp now = Timestamp.from(Instant.now());
        // Each row: the id of the assignment and of its judgment, the pair, the pair's first candidate, its
        // interaction.
        List<long[]> rows = jdbc.query("select p.id, p.candidate_a, p.interaction_id from pair p join interaction i "
                        + "on i.id = p.interaction_id where i.external_id like ?",
                (rs, i) -> new long[] {DIRECT_IDS.incrementAndGet(), rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                prefix + "-%");
        jdbc.batchUpdate("insert into assignment (id, judge_id, pair_id, interaction_id, left_candidate, state, "
                + "dealt_at, closed_at) values (?, ?, ?, ?, ?, 'JUDGED', ?, ?)",
                rows.stream().map(r -> new Object[] {r[0], judge.id(), r[1], r[3], r[2], now, now}).toList());
        jdbc.batchUpdate("insert into judgment (id, assignment_id, judge_id, pair_id, verdict, outcome, "
                + "time_on_task_ms, too_fast, points, total_points, created_at) "
                + "values (?, ?, ?, ?, 'LEFT', 'A', 8000, false, 0, 0, ?)",
                rows.stream().map(r -> new Object[] {r[0], r[0], judge.id(), r[1], now}).toList());
    }

    /** How many rows the table holds. */
    public long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Whether the tests run on H2 (the embedded default) rather than on CI's PostgreSQL pass. */
    public boolean onH2() {
        return "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    public ImportResult importJsonl(String jsonl) {
        return catalog.importJsonl(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                ImportMode.ALL_OR_NOTHING);
    }

    public static String interactionLine(String id, int responses) {
        String candidates = IntStream.range(0, responses)
                .mapToObj(i -> "{\"text\": \"Answer " + i + " to " + id + "\", \"source\": \"model-" + i + "\"}")
                .collect(Collectors.joining(", "));
        return "{\"id\": \"" + id + "\", \"instruction\": \"Question " + id + "?\", \"context\": \"\", "
                + "\"category\": \"open_qa\", \"responses\": [" + candidates + "]}";
    }

    /** Marks the judge as the last refit would flag them, with this reason. */
    public void flag(Person judge, String reason) {
        jdbc.update("""
                insert into judge_reliability (judge_id, confusion, accuracy, judgments, gold_judgments, gold_matched,
                    too_fast_share, median_time_ms, settled, agreed, flagged, flag_reason, fitted_at)
                values (?, ?, 0.4, 20, 0, 0, 0, 5000, 10, 4, true, ?, ?)""",
                judge.id(), String.join(",", Collections.nCopies(16, "0.25")), reason, Timestamp.from(Instant.now()));
    }

    /** HTTP Basic credentials of a user made by this class, for MockMvc. */
    public static RequestPostProcessor basic(Person person) {
        return SecurityMockMvcRequestPostProcessors.httpBasic(person.username(), PASSWORD);
    }

    /**
     * The finished response to a request whose body streams (an export file): MockMvc hands back a streamed
     * response as soon as it starts, before the body, and what is done after it (history, audit) is written.
     */
    public static ResultActions streamed(MockMvc mvc, RequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(MockMvcResultMatchers.request().asyncStarted()).andReturn();
        return mvc.perform(MockMvcRequestBuilders.asyncDispatch(started));
    }

    /** Runs the rest of the test as this user, as after signing in (for services that read the current user). */
    public void signIn(Person person) {
        SecurityContextHolder.getContext().setAuthentication(authentication(person));
    }

    /** What a password sign-in of this user yields, without the password check. */
    public Authentication authentication(Person person) {
        UserDetails details = userDetails.loadUserByUsername(person.username());
        return new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities());
    }
}
