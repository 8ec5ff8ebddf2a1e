-- Who did what that matters: admin actions, exports, token changes. Rows are only ever added.
create sequence audit_log_seq start with 1 increment by 50;
create table audit_log (
    id      bigint        not null primary key,
    at      timestamp with time zone not null,
    actor   varchar(64)   not null,
    action  varchar(64)   not null,
    details varchar(4000) not null
);
create index audit_log_at on audit_log (at desc);
