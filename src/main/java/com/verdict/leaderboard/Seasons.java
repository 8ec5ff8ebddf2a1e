package com.verdict.leaderboard;

import com.verdict.base.AfterCommit;
import com.verdict.base.ApiException;
import com.verdict.base.SequenceIds;
import com.verdict.base.StoredText;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seasons (contests): admins set them up; when one ends its standings are frozen and kept. A season that starts in
 * the past counts the points scored since its start, as if it had been running.
 */
@Component
class Seasons {

    private static final Logger log = LoggerFactory.getLogger(Seasons.class);
    private static final RowMapper<Season> SEASON = (rs, i) -> new Season(rs.getLong("id"), rs.getString("title"),
            rs.getString("prize"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            rs.getTimestamp("frozen_at") == null ? null : rs.getTimestamp("frozen_at").toInstant());

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** How close to its start or end a season keeps its dates: a fold or the freeze may be about to read them. */
    static final Duration SETTLED_WITHIN = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final PendingScores pending;
    private final BoardUpdates updates;

    Seasons(JdbcTemplate jdbc, SequenceIds ids, PendingScores pending, BoardUpdates updates) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.pending = pending;
        this.updates = updates;
    }

    /** Creates a season, in one transaction with its rows of the points scored since its start. */
    @Transactional
    public Season create(String title, String prize, Instant startsAt, Instant endsAt) {
        List<String> problems = new ArrayList<>();
        checkWording(title, prize, problems);
        inRange("startsAt", startsAt, problems);
        inRange("endsAt", endsAt, problems);
        if (startsAt == null) {
            problems.add("startsAt: is required");
        }
        if (endsAt == null) {
            problems.add("endsAt: is required");
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add("endsAt: must be after the start (startsAt)");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid season", problems);
        }
        // A repeated request (a retry, a double click) must not make a second season that splits the board's view.
        List<Long> same = jdbc.queryForList("select id from season where title = ? and starts_at = ? and ends_at = ?",
                Long.class, title.strip(), Timestamp.from(startsAt), Timestamp.from(endsAt));
        if (!same.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "Season " + same.get(0) + " has this title and these dates "
                    + "already");
        }
        long id = ids.next("season_seq");
        jdbc.update("insert into season (id, title, prize, starts_at, ends_at) values (?, ?, ?, ?, ?)", id,
                title.strip(), prize == null ? "" : prize.strip(), Timestamp.from(startsAt), Timestamp.from(endsAt));
        Instant now = Instant.now();
        if (startsAt.isBefore(now)) {
            countScoresSoFar(id, startsAt, endsAt, now);
        }
        return find(id).orElseThrow();
    }

    /**
     * Changes a season. Its title and prize may change at any time (a typo stood on every judge's banner). Its dates
     * only where its board allows: a season not yet started may move as a whole (a start in the past counts the points
     * scored since, as on creation); a running one may end at another time still to come; an ended one keeps them. A
     * season about to start or end (within {@link #SETTLED_WITHIN}) keeps its dates too, so that no fold or freeze runs
     * on dates being changed.
     */
    Edited edit(long id, String title, String prize, Instant startsAt, Instant endsAt) {
        Season season = locked(id);
        List<String> problems = new ArrayList<>();
        checkWording(title, prize, problems);
        inRange("startsAt", startsAt, problems);
        inRange("endsAt", endsAt, problems);
        Instant now = Instant.now();
        Instant soon = now.plus(SETTLED_WITHIN);
        boolean startMoves = startsAt != null && !startsAt.equals(season.startsAt());
        boolean endMoves = endsAt != null && !endsAt.equals(season.endsAt());
        if (startMoves && season.startsAt().isBefore(soon)) {
            problems.add("startsAt: the season has started (or starts within a minute): its start stays");
        }
        if (endMoves && season.endsAt().isBefore(soon)) {
            problems.add("endsAt: the season has ended (or ends within a minute): its end stays");
        } else if (endMoves && !endsAt.isAfter(now)) {
            problems.add("endsAt: must be still to come");
        }
        Instant start = startMoves ? startsAt : season.startsAt();
        Instant end = endMoves ? endsAt : season.endsAt();
        if (!end.isAfter(start)) {
            problems.add("endsAt: must be after the start (startsAt)");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid season", problems);
        }
        jdbc.update("update season set title = ?, prize = ?, starts_at = ?, ends_at = ? where id = ?", title.strip(),
                prize == null ? "" : prize.strip(), Timestamp.from(start), Timestamp.from(end), id);
        if (startMoves && start.isBefore(now)) {
            countScoresSoFar(id, start, end, now);
        } else if (startMoves || endMoves) {
            AfterCommit.run(updates::changed);
        }
        return new Edited(season, find(id).orElseThrow());
    }

    /** A season as it was, read under its lock, and as an edit left it. */
    record Edited(Season before, Season after) {
    }

    /** Deletes a season that has not started (nor starts within {@link #SETTLED_WITHIN}): it has no board yet. */
    Season delete(long id) {
        Season season = locked(id);
        if (season.startsAt().isBefore(Instant.now().plus(SETTLED_WITHIN))) {
            throw new ApiException(HttpStatus.CONFLICT, "Season " + season.title() + " has started (or starts within "
                    + "a minute): its board stays");
        }
        jdbc.update("delete from season where id = ?", id);
        AfterCommit.run(updates::changed);
        return season;
    }

    /**
     * The season, read under its row lock once folds are held (the freeze takes them in that order too): a change
     * checked on a read another admin's change could overtake would be checked against a season that is no more, and
     * folds count scores on the seasons running when they were made, so none reads dates while they change.
     */
    private Season locked(long id) {
        pending.holdFolds();
        return jdbc.query("select * from season where id = ? for update", SEASON, id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No season " + id));
    }

    private static void checkWording(String title, String prize, List<String> problems) {
        if (title == null || title.isBlank() || title.length() > 200) {
            problems.add("title: must be 1 to 200 characters");
        }
        if (prize != null && prize.length() > 2000) {
            problems.add("prize: at most 2000 characters");
        }
        StoredText.check("title", title, problems);
        StoredText.check("prize", prize, problems);
    }

    /**
     * Writes the new season's board rows from the points ledger and the judgments made since its start: until this
     * transaction commits, nobody scores on the season. Two statements however many judgments there are; with
     * 1,000,000 judgments in the window's tables they took 4-8 s on a busy H2 (a pass over each table), which only
     * delays the boards: judging goes on.
     * <p>
     * Folds wait meanwhile: scores still pending count here less what they carry, since they count for the season as
     * they fold ({@link PendingScores}), like those made while this transaction is under way. With the boards written
     * in each judgment's transaction (a fold interval of 0) nothing is pending, and the judgments made while this runs
     * miss the season.
     */
    private void countScoresSoFar(long id, Instant startsAt, Instant endsAt, Instant now) {
        pending.holdFolds();
        String key = Period.seasonKey(id);
        Timestamp from = Timestamp.from(startsAt);
        Timestamp until = Timestamp.from(endsAt);
        // One statement, so the ledger and what is pending are read as of one moment.
        jdbc.update("""
                insert into board_score (period_key, judge_id, team, points, judgments, updated_at)
                select cast(? as varchar(32)), s.judge_id, t.name, s.points, s.judgments,
                    cast(? as timestamp with time zone)
                from (
                    select judge_id, sum(points) as points, sum(judgments) as judgments from (
                        select judge_id, sum(cast(amount as bigint)) as points, cast(0 as bigint) as judgments
                        from points_entry where created_at >= ? and created_at < ? group by judge_id
                        union all
                        select judge_id, cast(0 as bigint), count(*)
                        from judgment where created_at >= ? and created_at < ? group by judge_id
                        union all
                        select judge_id, -sum(points), -sum(judgments)
                        from board_pending where scored_at >= ? and scored_at < ? group by judge_id
                    ) scored group by judge_id
                ) s join app_user u on u.id = s.judge_id left join team t on t.id = u.team_id
                where s.points <> 0 or s.judgments <> 0""",
                key, Timestamp.from(now), from, until, from, until, from, until);
        jdbc.update("""
                insert into team_board_score (period_key, team, points, judgments, active_members)
                select period_key, team, sum(points), sum(judgments), sum(%s)
                from board_score where period_key = ? and team is not null group by period_key, team"""
                .formatted(BoardRows.activeSql("points")), key);
        AfterCommit.run(updates::changed);
    }

    /** Times outside this range overflow a database timestamp: H2 stores another time, PostgreSQL refuses. */
    private static void inRange(String field, Instant time, List<String> problems) {
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            problems.add(field + ": must be from " + EARLIEST + " to " + LATEST);
        }
    }

    Optional<Season> find(long id) {
        return jdbc.query("select * from season where id = ?", SEASON, id).stream().findFirst();
    }

    List<Season> all() {
        return jdbc.query("select * from season order by starts_at desc", SEASON);
    }

    /** The seasons that have begun by {@code now}, the latest start first: the ones with a board to show. */
    List<Season> begunBy(Instant now) {
        return jdbc.query("select * from season where starts_at <= ? order by starts_at desc, id desc", SEASON,
                Timestamp.from(now));
    }

    /** The season running now, or else the one that ended last; empty when there was never one. */
    Optional<Season> current(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("select * from season where starts_at <= ? order by "
                + "case when ends_at > ? then 0 else 1 end, ends_at desc fetch first 1 rows only", SEASON, at, at)
                .stream().findFirst();
    }

    List<Long> runningAt(Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.queryForList("select id from season where starts_at <= ? and ends_at > ? and frozen_at is null",
                Long.class, t, t);
    }

    /** Freezes every season that has ended: its standings are copied and never change again. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
    @SchedulerLock(name = "freeze-seasons")
    @Transactional
    public void freezeEnded() {
        Timestamp now = Timestamp.from(Instant.now());
        List<Season> ended = jdbc.query("select * from season where ends_at <= ? and frozen_at is null", SEASON, now);
        if (!ended.isEmpty()) {
            // Scores made before the end may still wait for the boards.
            pending.foldAll();
        }
        ended.forEach(season -> freeze(season, now));
    }

    private void freeze(Season season, Timestamp now) {
        jdbc.update("""
                insert into season_standing (season_id, judge_id, team, rank, points, judgments)
                select ?, b.judge_id, b.team,
                       1 + (select count(*) from board_score o where o.period_key = b.period_key and o.points > b.points),
                       b.points, b.judgments
                from board_score b where b.period_key = ?""", season.id(), Period.seasonKey(season.id()));
        jdbc.update("update season set frozen_at = ? where id = ?", now, season.id());
        log.info("Froze the standings of season {} ({})", season.id(), season.title());
    }
}
