-- A team's board read the period's rank index and kept its team's rows (V9): each row it passed was a read of
-- the board row itself for its team, often a page from disk, and under load a team's board took 10 ms of CPU.
-- V9 dropped this index because every judgment moved an entry in it for five board rows; since V12 the boards
-- fold pending scores twice a second, so an entry moves once per judge and fold, off the judging path.
create index board_score_team_rank on board_score (period_key, team, points desc, judge_id);
