-- Every judgment moves its judge's points on five boards (day, week, month, all time, season), and each move
-- rewrote three index entries per row. A team's board now reads board_score_rank and keeps the team's rows:
-- a team is a fiftieth or so of a period's judges, so that scans a few thousand index entries at most, where
-- this index cost two of the five writes of every board row on the judging path.
drop index board_score_team_rank;
