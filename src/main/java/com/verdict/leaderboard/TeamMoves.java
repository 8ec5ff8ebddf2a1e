package com.verdict.leaderboard;

import com.verdict.base.AfterCommit;
import com.verdict.base.ApiException;
import com.verdict.people.TeamChanged;
import com.verdict.people.TeamDeleted;
import com.verdict.people.TeamRenamed;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A judge's points count for the team they are in now: when they change team, their rows of every period move to
 * the new team, in the transaction of the change. The old team's rows lose their points, judgments and (when they
 * were active) a member; the new team's gain them, and a team's row that no judge's row counts for any more goes.
 * <p>
 * Seasons that have ended keep the teams they ended with: their standings are final. A team that is renamed is the
 * same team, so its rows take the new name everywhere, ended seasons' standings included. Folds wait while a move or
 * a rename runs ({@link PendingScores#holdFolds}), so no fold adds to rows half moved, and scores still pending fold to
 * the new team.
 */
@Component
class TeamMoves {

    /** The judge's rows that move (alias b): all but those of seasons that have ended. Takes judge id and now. */
    private static final String MOVING = "b.judge_id = ? and b.period_key not in (select 'season:' || "
            + "cast(ended.id as varchar(20)) from season ended where ended.ends_at <= ?)";

    private final JdbcTemplate jdbc;
    private final PendingScores pending;
    private final BoardUpdates updates;

    TeamMoves(JdbcTemplate jdbc, PendingScores pending, BoardUpdates updates) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.updates = updates;
    }

    @EventListener
    void on(TeamChanged change) {
        move(change.userId(), change.team());
    }

    @EventListener
    void on(TeamRenamed renamed) {
        pending.holdFolds();
        // Another team's rows (in any case) would merge with these. Teams that ended a season are never deleted, so
        // only rows a judgment wrote under a name just renamed can be there (boards written in each judgment's
        // transaction, fold interval 0, where a judgment may read the team's name before a rename commits).
        Long elsewhere = jdbc.queryForObject("select count(*) from team_board_score where lower(team) = lower(?) "
                + "and team <> ?", Long.class, renamed.name(), renamed.previousName());
        if (elsewhere > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "The name " + renamed.name() + " is on the boards already: "
                    + "choose another");
        }
        jdbc.update("update board_score set team = ? where team = ?", renamed.name(), renamed.previousName());
        jdbc.update("update team_board_score set team = ? where team = ?", renamed.name(), renamed.previousName());
        jdbc.update("update season_standing set team = ? where team = ?", renamed.name(), renamed.previousName());
        AfterCommit.run(updates::changed);
    }

    /**
     * A team that played in a season that has ended stays on that season's board under its name: deleted, the name
     * could go to another team, which would take over its history (and a rename of that team would relabel it).
     */
    @EventListener
    void on(TeamDeleted deleted) {
        Long rows = jdbc.queryForObject("select count(*) from team_board_score where team = ?", Long.class,
                deleted.name());
        if (rows > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "Team " + deleted.name() + " is on the boards of seasons that "
                    + "have ended, which keep its name: it cannot be deleted (rename it if the name is wrong)");
        }
    }

    /** Moves the judge's rows that count for another team (or none) to {@code team}; null takes them off teams. */
    private void move(long judgeId, String team) {
        pending.holdFolds();
        Timestamp now = Timestamp.from(Instant.now());
        // Locked first: a judgment writing to them (with boards written in its transaction) is done, or waits.
        jdbc.queryForList("select b.period_key from board_score b where %s order by b.period_key for update"
                .formatted(MOVING), String.class, judgeId, now);
        String moving = MOVING + (team == null ? " and b.team is not null" : " and (b.team is null or b.team <> ?)");
        Object[] args = team == null ? new Object[] {judgeId, now} : new Object[] {judgeId, now, team};
        jdbc.update("""
                merge into team_board_score t
                using (select b.period_key, b.team, b.points, b.judgments, %s as active
                    from board_score b where b.team is not null and %s) s
                on t.period_key = s.period_key and t.team = s.team
                when matched then update set points = t.points - s.points, judgments = t.judgments - s.judgments,
                    active_members = t.active_members - s.active""".formatted(BoardRows.activeSql("b.points"), moving),
                args);
        if (team != null) {
            jdbc.update("""
                    merge into team_board_score t
                    using (select b.period_key, cast(? as varchar(100)) as team, b.points, b.judgments,
                            %s as active
                        from board_score b where %s) s
                    on t.period_key = s.period_key and t.team = s.team
                    when matched then update set points = t.points + s.points, judgments = t.judgments + s.judgments,
                        active_members = t.active_members + s.active
                    when not matched then insert (period_key, team, points, judgments, active_members)
                        values (s.period_key, s.team, s.points, s.judgments, s.active)"""
                            .formatted(BoardRows.activeSql("b.points"), moving),
                    team, judgeId, now, team);
            jdbc.update("update board_score b set team = ? where " + moving, team, judgeId, now, team);
        } else {
            jdbc.update("update board_score b set team = null where " + moving, judgeId, now);
        }
        // Where the judge left a team: a team's row that no judge's row counts for is no team on the board.
        jdbc.update("""
                delete from team_board_score t
                where t.period_key in (select b.period_key from board_score b where %s)
                    and not exists (select 1 from board_score o
                        where o.period_key = t.period_key and o.team = t.team)""".formatted(MOVING), judgeId, now);
        AfterCommit.run(updates::changed);
    }
}
