-- Verdict's first schema. Runs unchanged on H2 (the embedded default) and PostgreSQL.
-- Sequences (not identity columns) so that Hibernate and JDBC can batch inserts.

-- people -------------------------------------------------------------------
create sequence team_seq start with 1 increment by 50;
create table team (
    id   bigint       not null primary key,
    name varchar(100) not null unique
);

create sequence app_user_seq start with 1 increment by 50;
create table app_user (
    id            bigint       not null primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(200) not null,
    team_id       bigint references team (id),
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamp with time zone not null
);

create table user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null,
    primary key (user_id, role)
);

-- catalog ------------------------------------------------------------------
create sequence interaction_seq start with 1 increment by 50;
create table interaction (
    id          bigint        not null primary key,
    external_id varchar(200)  not null unique,
    instruction varchar(1000000) not null,
    context     varchar(1000000) not null,
    category    varchar(40)   not null,
    retired     boolean       not null default false,
    created_at  timestamp with time zone not null
);
create index interaction_category on interaction (category);

create sequence candidate_seq start with 1 increment by 50;
create table candidate (
    id             bigint        not null primary key,
    interaction_id bigint        not null references interaction (id) on delete cascade,
    position       int           not null,
    text           varchar(1000000) not null,
    source         varchar(200)  not null,
    unique (interaction_id, position)
);

create sequence pair_seq start with 1 increment by 50;
create table pair (
    id             bigint not null primary key,
    interaction_id bigint not null references interaction (id) on delete cascade,
    candidate_a    bigint not null references candidate (id) on delete cascade,
    candidate_b    bigint not null references candidate (id) on delete cascade,
    unique (candidate_a, candidate_b)
);
create index pair_interaction on pair (interaction_id);

-- judging ------------------------------------------------------------------
-- One row a pair that may be dealt. reserved = judgments + open assignments, slots = how many it may
-- have; a deal takes a slot with a conditional update, so two judges can never both take the last slot.
create table pair_pool (
    pair_id   bigint not null primary key references pair (id) on delete cascade,
    reserved  int    not null default 0,
    slots     int    not null,
    judgments int    not null default 0,
    created_at timestamp with time zone not null
);
create index pair_pool_dealing on pair_pool (reserved, created_at, pair_id);

create sequence round_seq start with 1 increment by 50;
create table round (
    id          bigint not null primary key,
    judge_id    bigint not null references app_user (id),
    size        int    not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);

create sequence assignment_seq start with 1 increment by 50;
create table assignment (
    id             bigint      not null primary key,
    judge_id       bigint      not null references app_user (id),
    pair_id        bigint      not null references pair (id) on delete cascade,
    round_id       bigint references round (id),
    left_candidate bigint      not null references candidate (id) on delete cascade,
    state          varchar(16) not null,
    dealt_at       timestamp with time zone not null,
    closed_at      timestamp with time zone
);
create unique index assignment_judge_pair on assignment (judge_id, pair_id);
create index assignment_judge_state on assignment (judge_id, state);

create sequence judgment_seq start with 1 increment by 50;
create table judgment (
    id              bigint       not null primary key,
    assignment_id   bigint       not null unique references assignment (id) on delete cascade,
    judge_id        bigint       not null references app_user (id),
    pair_id         bigint       not null references pair (id) on delete cascade,
    verdict         varchar(16)  not null,
    outcome         varchar(16)  not null,
    reason          varchar(500),
    time_on_task_ms bigint       not null,
    too_fast        boolean      not null,
    points          int          not null,
    total_points    bigint       not null,
    created_at      timestamp with time zone not null
);
create index judgment_pair on judgment (pair_id);
create index judgment_judge on judgment (judge_id, created_at);

-- scoring ------------------------------------------------------------------
create sequence points_entry_seq start with 1 increment by 50;
create table points_entry (
    id          bigint      not null primary key,
    judge_id    bigint      not null references app_user (id),
    judgment_id bigint references judgment (id) on delete set null,
    kind        varchar(32) not null,
    amount      int         not null,
    created_at  timestamp with time zone not null
);
create index points_entry_judge on points_entry (judge_id, created_at);

-- Totals kept as points arrive, so that leaderboards never sum the ledger on a read.
create table judge_score (
    judge_id  bigint not null primary key references app_user (id) on delete cascade,
    points    bigint not null,
    judgments bigint not null,
    updated_at timestamp with time zone not null
);
create index judge_score_rank on judge_score (points desc, judge_id);

-- Vote counts per pair in candidate terms (a = lower candidate position).
create table pair_tally (
    pair_id        bigint not null primary key references pair (id) on delete cascade,
    interaction_id bigint not null references interaction (id) on delete cascade,
    candidate_a    bigint not null references candidate (id) on delete cascade,
    candidate_b    bigint not null references candidate (id) on delete cascade,
    a_votes        int    not null,
    b_votes        int    not null,
    ties           int    not null,
    both_bad       int    not null
);
create index pair_tally_interaction on pair_tally (interaction_id);

-- The current decision per interaction: its best candidate, when one is decided.
create table interaction_decision (
    interaction_id bigint not null primary key references interaction (id) on delete cascade,
    best_candidate bigint references candidate (id) on delete cascade,
    confidence     double precision not null,
    updated_at     timestamp with time zone not null
);
