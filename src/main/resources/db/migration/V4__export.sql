-- Dataset export: personal API tokens (people) and the export audit log (export).
-- V2 and V3 belong to other branches; spring.flyway.out-of-order lets them apply after this one.

-- people -------------------------------------------------------------------
-- A token's secret is shown once at creation; only its SHA-256 (hex) is kept. Revoked tokens stay for the log.
create sequence api_token_seq start with 1 increment by 50;
create table api_token (
    id           bigint       not null primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    scopes       varchar(100) not null,
    secret_hash  varchar(64)  not null unique,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create index api_token_user on api_token (user_id, revoked_at);

-- export -------------------------------------------------------------------
-- One row per file written (downloads and API calls, finished or broken off); filters as a query string.
create sequence export_history_seq start with 1 increment by 50;
create table export_history (
    id          bigint       not null primary key,
    user_id     bigint       not null references app_user (id),
    username    varchar(64)  not null,
    via         varchar(16)  not null,
    token_name  varchar(100),
    format      varchar(32)  not null,
    filters     varchar(4000) not null,
    records     bigint       not null,
    completed   boolean      not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone not null
);
create index export_history_recent on export_history (started_at desc, id desc);
