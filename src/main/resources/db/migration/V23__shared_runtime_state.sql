-- What the application's instances share while they run (issue 26): several identical instances behind a proxy, one
-- PostgreSQL. Kept in a schema of its own, "runtime", apart from the data in "public": backups, restores and a body's
-- export read "public" only (a restore never brings back old sessions; a backup never holds a session's contents), and
-- none of it belongs to a body (no row-level security: the rows are found by keys only the application knows).
create schema if not exists runtime;

-- The HTTP sessions (Spring Session JDBC, its schema for PostgreSQL): a person signed in through one instance goes on
-- through any other, and an instance's restart signs nobody out. Expired rows are deleted by every instance's
-- Spring Session clean-up (spring.session.jdbc.cleanup-cron), a cheap indexed delete.
create table runtime.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on runtime.spring_session (session_id);
create index spring_session_ix2 on runtime.spring_session (expiry_time);
create index spring_session_ix3 on runtime.spring_session (principal_name);

create table runtime.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references runtime.spring_session (primary_id) on delete cascade
);

-- The scheduled jobs' runs (system.ClusterJobs): one row per job and due time, claimed by the instance that runs it
-- (insert, or take over a claim whose lease ran out: its instance died), renewed while it runs, finished once. So a
-- job runs once per schedule however many instances run, and a job whose instance died is run by another.
create table runtime.job_run (
    job           varchar(64)  not null,
    due_at        timestamptz  not null,
    claimed_by    varchar(200) not null,
    claimed_until timestamptz  not null,
    attempts      integer      not null default 1 check (attempts >= 1),
    finished_at   timestamptz,
    outcome       varchar(16)  check (outcome in ('DONE', 'FAILED')),
    constraint job_run_pk primary key (job, due_at),
    constraint job_run_finished check ((finished_at is null) = (outcome is null))
);
