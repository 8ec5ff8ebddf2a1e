-- Leaderboards kept as points arrive: one row per judge and period, so a board is an index range read.
-- period_key: 'all', 'day:2026-11-26', 'week:2026-W48', 'month:2026-11' (in verdict.leaderboard.zone), 'season:<id>'.
create table board_score (
    period_key varchar(32)  not null,
    judge_id   bigint       not null references app_user (id) on delete cascade,
    team       varchar(100),
    points     bigint       not null,
    judgments  bigint       not null,
    updated_at timestamp with time zone not null,
    primary key (period_key, judge_id)
);
create index board_score_rank on board_score (period_key, points desc, judge_id);
create index board_score_team_rank on board_score (period_key, team, points desc, judge_id);

create table team_board_score (
    period_key     varchar(32)  not null,
    team           varchar(100) not null,
    points         bigint       not null,
    judgments      bigint       not null,
    active_members int          not null,
    primary key (period_key, team)
);

create table judge_preference (
    judge_id            bigint  not null primary key references app_user (id) on delete cascade,
    show_on_leaderboard boolean not null
);

-- Daily streaks: a day counts when the judge completes at least one full round.
create table judge_streak (
    judge_id     bigint not null primary key references app_user (id) on delete cascade,
    current_days int    not null,
    longest_days int    not null,
    last_day     date   not null
);

create table judge_badge (
    judge_id  bigint      not null references app_user (id) on delete cascade,
    badge     varchar(40) not null,
    earned_at timestamp with time zone not null,
    primary key (judge_id, badge)
);

create sequence season_seq start with 1 increment by 50;
create table season (
    id        bigint        not null primary key,
    title     varchar(200)  not null,
    prize     varchar(2000) not null,
    starts_at timestamp with time zone not null,
    ends_at   timestamp with time zone not null,
    frozen_at timestamp with time zone
);

-- A season's final standings, frozen when it ends.
create table season_standing (
    season_id bigint not null references season (id) on delete cascade,
    judge_id  bigint not null references app_user (id) on delete cascade,
    rank      bigint not null,
    points    bigint not null,
    judgments bigint not null,
    primary key (season_id, judge_id)
);

create sequence notice_seq start with 1 increment by 50;
create table notice (
    id         bigint        not null primary key,
    created_at timestamp with time zone not null,
    title      varchar(200)  not null,
    body       varchar(8000) not null
);
