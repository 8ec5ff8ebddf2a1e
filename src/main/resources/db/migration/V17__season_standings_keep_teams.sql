-- A season's final standings keep each judge's team at the season's end, as its board showed them, so that the
-- frozen board of a past season can be filtered by team.
alter table season_standing add column team varchar(100);

update season_standing s set team = (
    select b.team from board_score b where b.period_key = 'season:' || s.season_id and b.judge_id = s.judge_id);
