package com.verdict.leaderboard;

import com.verdict.base.AfterCommit;
import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.VerdictProperties;
import com.verdict.catalog.CatalogService;
import com.verdict.catalog.CategoryCount;
import com.verdict.people.PeopleService;
import com.verdict.people.Person;
import com.verdict.people.Role;
import com.verdict.scoring.DayAgreement;
import com.verdict.scoring.JudgeQuality;
import com.verdict.scoring.ScoringService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leaderboards by period, for judges and teams: the leaderboard feature's API. */
@Service
@Transactional(readOnly = true)
public class LeaderboardService {

    static final int TOP = 20;
    static final int NEIGHBOURS = 5;
    static final int TEAM_DAYS = 30;

    private final JdbcTemplate jdbc;
    private final BoardSnapshots snapshots;
    private final BoardUpdates updates;
    private final PeopleService people;
    private final Seasons seasons;
    private final Notices notices;
    private final ScoringService scoring;
    private final CatalogService catalog;
    private final DatasetTargets targets;
    private final AuditLog audit;
    private final VerdictProperties properties;

    LeaderboardService(JdbcTemplate jdbc, BoardSnapshots snapshots, BoardUpdates updates, PeopleService people,
            Seasons seasons, Notices notices, ScoringService scoring, CatalogService catalog, DatasetTargets targets,
            AuditLog audit, VerdictProperties properties) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.updates = updates;
        this.people = people;
        this.seasons = seasons;
        this.notices = notices;
        this.scoring = scoring;
        this.catalog = catalog;
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
                    quality.map(JudgeQuality::goldJudgments).orElse(0),
                    quality.map(JudgeQuality::positionBias).orElse(null),
                    quality.map(JudgeQuality::leftShare).orElse(null),
                    quality.map(JudgeQuality::leftWarranted).orElse(null),
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
        // Every category, in the enum's order, as the catalog counts it: decided is what the Dolly file takes.
        List<CategoryCount> coverage = catalog.categoryCounts();
        return new TeamActivity(team, rows, days, perDay, agreement,
                coverage.stream().map(c -> c.category().label()).toList(),
                coverage.stream().map(CategoryCount::decided).toList(),
                coverage.stream().map(c -> targets.of(c.category())).toList());
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
     * Competition ranking: a judge's rank is one more than the number of judges shown with more points.
     * <p>
     * The viewer's own row is shown wherever they stand. A viewer who has not scored in the period stands among the
     * rows of their team's board, or of the whole board, by points: judges whose gold misses took them below zero rank
     * under them. With nobody above them (on an empty board) they are not shown: that would rank them first with
     * nothing. Nor are they on another team's board, however they scored.
     */
    public Board board(Period period, String team, Person viewer, boolean aroundMe) {
        return board(period, period == Period.SEASON ? currentSeason() : null, team, viewer, aroundMe);
    }

    /** The board of one season, running or past; an ended season's is its final standings, frozen. */
    public Board seasonBoard(long seasonId, String team, Person viewer, boolean aroundMe) {
        return board(Period.SEASON, season(seasonId), team, viewer, aroundMe);
    }

    private Board board(Period period, Season season, String team, Person viewer, boolean aroundMe) {
        boolean seesHidden = viewer.has(Role.LEAD) || viewer.has(Role.ADMIN);
        List<BoardSnapshots.Row> whole = season != null ? seasonRows(season) : snapshots.rows(key(period, null));
        List<BoardSnapshots.Row> board = whole.stream()
                .filter(r -> team == null || team.equals(r.team()))
                .filter(r -> seesHidden || !r.hidden() || r.judgeId() == viewer.id())
                .toList();
        Optional<BoardSnapshots.Row> found = board.stream().filter(r -> r.judgeId() == viewer.id()).findFirst();
        boolean onBoard = found.isPresent();
        // Not on the board: a viewer who has not scored in the period, on the whole board or their team's, once
        // somebody has points (before that, they would rank first with nothing).
        boolean standsAmong = !onBoard && whole.stream().noneMatch(r -> r.judgeId() == viewer.id())
                && (team == null || team.equals(viewer.team())) && standing(board, 1) > 0;
        boolean placed = onBoard || standsAmong;
        BoardSnapshots.Row mine = found.orElse(new BoardSnapshots.Row(viewer.id(), viewer.team(), 0, 0, false));
        List<BoardSnapshots.Row> rows;
        if (aroundMe && placed) {
            // The viewer's row, or where it would stand, with up to NEIGHBOURS rows above and below it.
            int at = onBoard ? board.indexOf(mine) : standing(board, mine.points());
            rows = board.subList(Math.max(0, at - NEIGHBOURS),
                    Math.min(board.size(), at + NEIGHBOURS + (onBoard ? 1 : 0)));
        } else {
            rows = board.subList(0, Math.min(TOP, board.size()));
        }
        Map<Long, Person> persons = people.byIds(Stream.concat(rows.stream().map(BoardSnapshots.Row::judgeId),
                Stream.of(viewer.id())).distinct().toList());
        List<LeaderboardRow> shown = rows.stream().map(r -> row(rank(board, r.points(), standsAmong, mine.points()),
                persons.get(r.judgeId()), r.points(), r.judgments())).toList();
        LeaderboardRow me = !placed ? null : shown.stream().filter(r -> r.username().equals(viewer.username()))
                .findFirst().orElseGet(() -> row(rank(board, mine.points(), standsAmong, mine.points()),
                        persons.getOrDefault(viewer.id(), viewer), mine.points(), mine.judgments()));
        return new Board(period, shown, me, season);
    }

    /** A season's board rows: its final standings once frozen, its live rows before. */
    private List<BoardSnapshots.Row> seasonRows(Season season) {
        return season.frozenAt() != null ? snapshots.frozenRows(season.id()) : snapshots.rows(key(Period.SEASON, season));
    }

    /**
     * Who won a season that has ended: the judges with its most points (above 0) who show on boards. Empty while it
     * runs, when nobody scored, or when the winners keep off the boards (naming the next would crown the wrong one).
     */
    public Optional<SeasonWinners> winners(Season season) {
        if (season.endsAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        List<BoardSnapshots.Row> rows = seasonRows(season);
        long top = rows.isEmpty() ? 0 : rows.get(0).points();
        List<Long> shown = rows.stream().takeWhile(r -> r.points() == top).filter(r -> !r.hidden())
                .map(BoardSnapshots.Row::judgeId).toList();
        if (top <= 0 || shown.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Person> persons = people.byIds(shown);
        return Optional.of(new SeasonWinners(shown.stream().map(id -> persons.get(id).displayName()).toList(), top));
    }

    /** One more than the judges shown with more points, and the viewer too when they stand among them. */
    private static long rank(List<BoardSnapshots.Row> board, long points, boolean viewerStandsAmong,
            long viewerPoints) {
        return 1 + standing(board, points + 1) + (viewerStandsAmong && viewerPoints > points ? 1 : 0);
    }

    /** How many rows of the board (most points first) have at least {@code points}. */
    private static int standing(List<BoardSnapshots.Row> board, long points) {
        int count = 0;
        while (count < board.size() && board.get(count).points() >= points) {
            count++;
        }
        return count;
    }

    /** Teams ranked by points per active member. */
    public List<TeamRow> teams(Period period) {
        return teams(key(period, period == Period.SEASON ? currentSeason() : null));
    }

    /** The teams of one season, running or past (an ended season's team rows no longer change). */
    public List<TeamRow> seasonTeams(long seasonId) {
        return teams(key(Period.SEASON, season(seasonId)));
    }

    private List<TeamRow> teams(String key) {
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
        // Tied teams by name: the database returns them in no order of its own.
        sorted.sort(Comparator.comparingDouble(TeamRow::pointsPerMember).reversed().thenComparing(TeamRow::team));
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

    /** The seasons with a board to show (begun, running or ended), the latest first. */
    public List<Season> begunSeasons() {
        return seasons.begunBy(Instant.now());
    }

    private Season season(long id) {
        return seasons.find(id).orElseThrow(() -> ApiException.notFound("No season " + id));
    }

    @Transactional
    public Season createSeason(String title, String prize, Instant startsAt, Instant endsAt) {
        Season season = seasons.create(title, prize, startsAt, endsAt);
        audit.record("season.created", season.title() + " " + season.startsAt() + " – " + season.endsAt());
        return season;
    }

    /** How close to its start or end a season keeps its dates. */
    public static final Duration SEASON_DATES_SETTLED_WITHIN = Seasons.SETTLED_WITHIN;

    /**
     * Changes a season's title and prize, and its dates where its board allows: before it starts, or a running one's
     * end (a 400 names the date that must stay).
     */
    @Transactional
    public Season editSeason(long seasonId, String title, String prize, Instant startsAt, Instant endsAt) {
        Seasons.Edited edited = seasons.edit(seasonId, title, prize, startsAt, endsAt);
        Season before = edited.before();
        Season after = edited.after();
        List<String> changes = new ArrayList<>();
        changed("title", before.title(), after.title(), changes);
        changed("prize", before.prize(), after.prize(), changes);
        changed("starts", before.startsAt(), after.startsAt(), changes);
        changed("ends", before.endsAt(), after.endsAt(), changes);
        audit.record("season.changed", seasonId + ": " + (changes.isEmpty() ? "nothing" : String.join(", ", changes)));
        return after;
    }

    private static void changed(String what, Object before, Object after, List<String> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + before + " → " + after);
        }
    }

    /** Deletes a season that has not started; one that has is a 409. */
    @Transactional
    public void deleteSeason(long seasonId) {
        Season deleted = seasons.delete(seasonId);
        audit.record("season.deleted", seasonId + ": " + deleted.title() + " " + deleted.startsAt() + " – "
                + deleted.endsAt());
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
        AfterCommit.run(updates::changed);
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
}
