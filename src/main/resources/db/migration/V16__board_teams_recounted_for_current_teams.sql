-- A judge's points count for the team they are in now, and a team's active members are its members with more than
-- 0 points in the period (leaderboard.TeamMoves, leaderboard.BoardRows). Rows written before kept the team a judge
-- had at their first score of a period, team rows added later scores to the team the judge had then, and every
-- member with a row counted as active, a judgment worth nothing or points below zero too. Recount them from the
-- judges' rows. Seasons that have ended keep the rows they ended with: their standings are final.
update board_score set team = (select t.name from app_user u join team t on t.id = u.team_id
                               where u.id = board_score.judge_id)
where period_key not in (select 'season:' || cast(id as varchar(20)) from season where ends_at <= current_timestamp);

delete from team_board_score
where period_key not in (select 'season:' || cast(id as varchar(20)) from season where ends_at <= current_timestamp);

insert into team_board_score (period_key, team, points, judgments, active_members)
select period_key, team, sum(points), sum(judgments), sum(case when points > 0 then 1 else 0 end)
from board_score
where team is not null
    and period_key not in (select 'season:' || cast(id as varchar(20)) from season where ends_at <= current_timestamp)
group by period_key, team;
