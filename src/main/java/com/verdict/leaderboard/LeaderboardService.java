package com.verdict.leaderboard;

import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.VerdictProperties;
import com.verdict.catalog.Category;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.DayAgreement;
import com.verdict.scoring.JudgeQuality;
import com.verdict.scoring.ScoringService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leaderboards by period, for judges and teams: the leaderboard feature's API. */
@Service
@Transactional(readOnly = true)
public class LeaderboardService {

    static final int TOP = 20;
    static final int NEIGHBOURS = 5;
    static final int TEAM_DAYS = 30;

    /** Hidden judges are left out of public boards; the viewer always sees themselves. */
    private static final String VISIBLE = " and (b.judge_id = ? or not exists (select 1 from judge_preference p "
            + "where p.judge_id = b.judge_id and p.show_on_leaderboard = false))";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PeopleService people;
    private final Seasons seasons;
    private final Notices notices;
    private final ScoringService scoring;
    private final DatasetTargets targets;
    private final AuditLog audit;
    private final VerdictProperties properties;

    LeaderboardService(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, PeopleService people, Seasons seasons,
            Notices notices, ScoringService scoring, DatasetTargets targets, AuditLog audit,
            VerdictProperties properties) {
        this.jdbc = jdbc;
        this.named = named;
        this.people = people;
        this.seasons = seasons;
        this.notices = notices;
        this.scoring = scoring;
        this.targets = targets;
        this.audit = audit;
        this.properties = properties;
    }

    /** A team's members and activity; a lead sees their own team, an admin any. Others get a 403. */
    public TeamActivity team(Person viewer, String team) {
        boolean allowed = viewer.has(Role.ADMIN) || (viewer.has(Role.LEAD) && team.equals(viewer.team()));
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only the team's lead or an admin may see team " + team);
        }
        if (people.teams().stream().noneMatch(t -> t.name().equals(team))) {
            throw ApiException.notFound("No team named " + team);
        }
        ZoneId zone = properties.leaderboard().zone();
        String week = Period.WEEK.key(Instant.now(), zone);
        List<Person> members = people.all().stream().filter(p -> team.equals(p.team())).toList();
        List<MemberRow> rows = members.stream().map(p -> {
            long[] all = boardRow("all", p.id());
            Optional<JudgeQuality> quality = scoring.judge(p.id());
            return new MemberRow(p.username(), p.displayName(), all[1], all[0], boardRow(week, p.id())[0],
                    !showsOnLeaderboard(p.id()), quality.map(JudgeQuality::agreement).orElse(null),
                    quality.map(JudgeQuality::goldAccuracy).orElse(null),
                    quality.map(JudgeQuality::positionBias).orElse(null),
                    quality.map(JudgeQuality::medianTimeMs).orElse(null),
                    quality.map(JudgeQuality::flagged).orElse(false),
                    quality.map(JudgeQuality::flagReason).orElse(null));
        }).toList();
        LocalDate today = LocalDate.now(zone);
        List<String> days = new ArrayList<>();
        List<Long> perDay = new ArrayList<>();
        for (int back = TEAM_DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            days.add(day.toString());
            perDay.add(jdbc.queryForList("select judgments from team_board_score where period_key = ? and team = ?",
                    Long.class, "day:" + day, team).stream().findFirst().orElse(0L));
        }
        List<Double> agreement = scoring.agreementByDay(members.stream().map(Person::id).toList(),
                today.minusDays(TEAM_DAYS - 1), TEAM_DAYS, zone).stream().map(DayAgreement::share).toList();
        Map<Category, long[]> decided = scoring.decidedByCategory();
        return new TeamActivity(team, rows, days, perDay, agreement,
                Arrays.stream(Category.values()).map(Category::label).toList(),
                Arrays.stream(Category.values()).map(c -> decided.getOrDefault(c, new long[2])[0]).toList(),
                Arrays.stream(Category.values()).map(targets::of).toList());
    }

    /** {points, judgments} of a judge on a board, zeros when absent. */
    private long[] boardRow(String key, long judgeId) {
        return jdbc.query("select points, judgments from board_score where period_key = ? and judge_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, key, judgeId).stream().findFirst()
                .orElse(new long[2]);
    }

    /** The newest in-app notices, such as the nightly summaries. */
    public List<Notice> notices(int limit) {
        return notices.latest(limit);
    }

    /**
     * The board of a period as {@code viewer} sees it: the top {@value #TOP}, or with {@code aroundMe} the
     * viewer's neighbours; {@code team} narrows it to one team. Leads and admins also see hidden judges.
     */
    public Board board(Period period, String team, Person viewer, boolean aroundMe) {
        Season season = period == Period.SEASON ? seasons.current(Instant.now()).orElse(null) : null;
        String key = key(period, season);
        Query query = new Query(key, team, viewer.id(), viewer.has(Role.LEAD) || viewer.has(Role.ADMIN));
        Optional<long[]> onBoard = query.row(viewer.id());
        long[] mine = onBoard.orElse(new long[] {viewer.id(), 0, 0});
        List<long[]> rows = aroundMe ? query.around(mine) : query.top(TOP);
        Map<Long, Person> persons = people.byIds(Stream.concat(rows.stream().map(r -> r[0]), Stream.of(viewer.id()))
                .distinct().toList());
        // The rows are a contiguous run of the board: one count gives the first rank, the rest follow.
        List<LeaderboardRow> shown = new ArrayList<>(rows.size());
        long first = rows.isEmpty() ? 0 : query.rank(rows.get(0)[1]);
        long rank = first;
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            if (i > 0 && r[1] != rows.get(i - 1)[1]) {
                rank = first + i;
            }
            // A viewer not on the board yet is shown with no points, above the judges whose gold misses took them
            // below zero: those rank one lower in the viewer's eyes.
            shown.add(row(onBoard.isEmpty() && r[1] < mine[1] ? rank + 1 : rank, persons.get(r[0]), r[1], r[2]));
        }
        LeaderboardRow me = shown.stream().filter(r -> r.username().equals(viewer.username())).findFirst()
                .orElseGet(() -> row(query.rank(mine[1]), viewer, mine[1], mine[2]));
        return new Board(period, shown, me, season);
    }

    /** All-time board, top rows. */
    public Board allTime(Person viewer) {
        return board(Period.ALL, null, viewer, false);
    }

    /** Teams ranked by points per active member. */
    public List<TeamRow> teams(Period period) {
        String key = key(period, period == Period.SEASON ? seasons.current(Instant.now()).orElse(null) : null);
        // Agreement is the team's Krippendorff's alpha at the last scoring refit, over all its judgments.
        Map<String, Double> alpha = new HashMap<>();
        scoring.agreement().stream().filter(a -> "TEAM".equals(a.scope()) && a.alpha() != null)
                .forEach(a -> alpha.put(a.name(), a.alpha()));
        List<TeamRow> unranked = jdbc.query("select team, points, active_members from team_board_score "
                        + "where period_key = ?",
                (rs, i) -> new TeamRow(0, rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getInt(3) == 0 ? 0 : (double) rs.getLong(2) / rs.getInt(3), alpha.get(rs.getString(1))),
                key);
        List<TeamRow> sorted = new ArrayList<>(unranked);
        sorted.sort((a, b) -> Double.compare(b.pointsPerMember(), a.pointsPerMember()));
        List<TeamRow> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            TeamRow t = sorted.get(i);
            long rank = i > 0 && t.pointsPerMember() == sorted.get(i - 1).pointsPerMember()
                    ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new TeamRow(rank, t.team(), t.points(), t.members(), t.pointsPerMember(), t.agreement()));
        }
        return ranked;
    }

    public Season currentSeason() {
        return seasons.current(Instant.now()).orElse(null);
    }

    public List<Season> seasons() {
        return seasons.all();
    }

    @Transactional
    public Season createSeason(String title, String prize, Instant startsAt, Instant endsAt) {
        Season season = seasons.create(title, prize, startsAt, endsAt);
        audit.record("season.created", season.title() + " " + season.startsAt() + " – " + season.endsAt());
        return season;
    }

    public boolean showsOnLeaderboard(long judgeId) {
        return jdbc.queryForList("select show_on_leaderboard from judge_preference where judge_id = ?", Boolean.class,
                judgeId).stream().findFirst().orElse(true);
    }

    @Transactional
    public void showOnLeaderboard(long judgeId, boolean show) {
        if (jdbc.update("update judge_preference set show_on_leaderboard = ? where judge_id = ?", show, judgeId) == 0) {
            jdbc.update("insert into judge_preference (judge_id, show_on_leaderboard) values (?, ?)", judgeId, show);
        }
    }

    private String key(Period period, Season season) {
        if (period == Period.SEASON) {
            if (season == null) {
                throw ApiException.notFound("There is no season yet");
            }
            return Period.seasonKey(season.id());
        }
        return period.key(Instant.now(), properties.leaderboard().zone());
    }

    private static LeaderboardRow row(long rank, Person person, long points, long judgments) {
        return new LeaderboardRow(rank, person.username(), person.displayName(), person.team(), points, judgments);
    }

    /**
     * Reads of one board: rows are {judgeId, points, judgments}. The rows are found from the rank indexes alone
     * ({@code board_score_rank}, or {@code board_score_team_rank} for a team): a row's other columns are read
     * only for the rows shown, since each such read may be a page from disk.
     */
    private final class Query {
        private final String key;
        private final long viewerId;
        private final boolean seesHidden;
        private final String filter;
        private final List<Object> args = new ArrayList<>();

        Query(String key, String team, long viewerId, boolean seesHidden) {
            this.key = key;
            this.viewerId = viewerId;
            this.seesHidden = seesHidden;
            StringBuilder where = new StringBuilder(" b.period_key = ?");
            args.add(key);
            if (team != null) {
                where.append(" and b.team = ?");
                args.add(team);
            }
            this.filter = where.toString();
        }

        Optional<long[]> row(long judgeId) {
            return jdbc.query("select judge_id, points, judgments from board_score where period_key = ? "
                            + "and judge_id = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                    key, judgeId).stream().findFirst();
        }

        List<long[]> top(int limit) {
            return withJudgments(select("", "order by b.points desc, b.judge_id", limit));
        }

        /** The viewer's row with up to {@value #NEIGHBOURS} rows above and below it. */
        List<long[]> around(long[] mine) {
            // The bounds on points alone let the index range start at the viewer's points.
            List<long[]> above = new ArrayList<>(select(" and b.points >= ? and (b.points > ? or b.judge_id < ?)",
                    "order by b.points asc, b.judge_id desc", NEIGHBOURS, mine[1], mine[1], mine[0]));
            Collections.reverse(above);
            List<long[]> below = select(" and b.points <= ? and (b.points < ? or b.judge_id > ?)",
                    "order by b.points desc, b.judge_id", NEIGHBOURS, mine[1], mine[1], mine[0]);
            List<long[]> rows = new ArrayList<>(above);
            rows.addAll(below);
            withJudgments(rows);
            rows.add(above.size(), mine);
            return rows;
        }

        /**
         * Competition ranking: one more than the number of visible judges with more points. Counted as all judges
         * with more points less the hidden ones among them, so that the count reads the rank index alone.
         */
        long rank(long points) {
            List<Object> all = new ArrayList<>(args);
            all.add(points);
            long above = jdbc.queryForObject("select count(*) from board_score b where" + filter + " and b.points > ?",
                    Long.class, all.toArray());
            if (seesHidden) {
                return 1 + above;
            }
            all.add(viewerId);
            long hidden = jdbc.queryForObject("select count(*) from judge_preference p join board_score b "
                    + "on b.judge_id = p.judge_id where" + filter + " and b.points > ? and b.judge_id <> ? "
                    + "and p.show_on_leaderboard = false", Long.class, all.toArray());
            return 1 + above - hidden;
        }

        /** Rows {judgeId, points, 0} of the board in the given order; hidden judges left out unless seen. */
        private List<long[]> select(String condition, String order, int limit, Object... extra) {
            List<Object> all = new ArrayList<>(args);
            String visible = "";
            if (!seesHidden) {
                visible = VISIBLE;
                all.add(viewerId);
            }
            all.addAll(List.of(extra));
            return jdbc.query("select b.judge_id, b.points from board_score b where" + filter + visible + condition
                            + " " + order + " fetch first " + limit + " rows only",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), 0}, all.toArray());
        }

        /** Fills in the judgments of the rows, read by key. */
        private List<long[]> withJudgments(List<long[]> rows) {
            if (rows.isEmpty()) {
                return rows;
            }
            Map<Long, Long> judgments = new HashMap<>();
            named.query("select judge_id, judgments from board_score where period_key = :key and judge_id in (:ids)",
                    Map.of("key", key, "ids", rows.stream().map(r -> r[0]).toList()),
                    (RowCallbackHandler) rs -> judgments.put(rs.getLong(1), rs.getLong(2)));
            rows.forEach(r -> r[2] = judgments.getOrDefault(r[0], 0L));
            return rows;
        }
    }
}
