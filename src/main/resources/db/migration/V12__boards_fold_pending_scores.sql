-- Scores on their way to the boards. A judgment's transaction writes one row here per judge, in place of
-- rewriting that judge's five board rows and their rank entries; the boards fold these rows in bulk a few times
-- a second (leaderboard.PendingScores), so a judge who judges five times in that time moves each board row once.
-- board_keys: the keys of the boards the score counts on (see board_score.period_key), space-separated, fixed
-- when the score was made, as they were when boards were written at once.
create sequence board_pending_seq start with 1 increment by 50;
create table board_pending (
    id         bigint       not null primary key,
    judge_id   bigint       not null,
    board_keys varchar(400) not null,
    points     bigint       not null,
    judgments  bigint       not null,
    scored_at  timestamp with time zone not null
);

-- One row, locked by whoever folds, so that two instances never fold the same scores.
create table board_fold (
    id        int not null primary key,
    folded_at timestamp with time zone
);
insert into board_fold (id, folded_at) values (1, null);
