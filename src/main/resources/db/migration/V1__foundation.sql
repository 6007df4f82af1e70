-- PAR Index Tracker: foundation schema.
-- Scores are numeric(7,4): exact decimals with 4 places, never floating point.

-- Organisational units (cơ quan, đơn vị): the district's offices now, communes later.
create table unit (
    id       bigint generated always as identity primary key,
    code     varchar(32)  not null unique check (code ~ '^[A-Z0-9_]+$'),
    name     varchar(200) not null,
    kind     varchar(32)  not null check (kind in ('DISTRICT_OFFICE', 'COMMUNE')),
    active   boolean      not null default true,
    version  bigint       not null default 0
);

-- Other spellings of a unit's name as printed in plans ("Phòng VH-TT"), matched after normalisation.
create table unit_alias (
    unit_id  bigint       not null references unit (id) on delete cascade,
    alias    varchar(200) not null,
    primary key (unit_id, alias)
);

-- An assessment cycle (kỳ đánh giá): the year worked on and the year whose official result is the baseline.
create table cycle (
    id                      bigint generated always as identity primary key,
    year                    integer      not null unique check (year between 2000 and 2200),
    baseline_year           integer      not null,
    status                  varchar(16)  not null check (status in ('PLANNING', 'ACTIVE', 'CLOSED')),
    title                   varchar(300),
    -- The printed total row (Tổng điểm), kept as recorded: official figures win over sums of parts.
    recorded_total_max      numeric(7, 4) check (recorded_total_max >= 0),
    recorded_total_baseline numeric(7, 4) check (recorded_total_baseline >= 0),
    recorded_total_target   numeric(7, 4) check (recorded_total_target >= 0),
    recorded_total_change   integer,
    created_at              timestamptz  not null default now(),
    version                 bigint       not null default 0,
    check (baseline_year < year)
);

-- The criteria tree of a cycle: domains (lĩnh vực) → criteria (tiêu chí) → sub-criteria (tiêu chí thành phần).
create table criterion (
    id              bigint generated always as identity primary key,
    cycle_id        bigint        not null references cycle (id),
    parent_id       bigint,
    code            varchar(32)   not null,
    level           integer       not null check (level >= 1),
    position        integer       not null,
    name            text          not null check (length(trim(name)) > 0),
    max_score       numeric(7, 4) not null check (max_score >= 0),
    baseline_score  numeric(7, 4) check (baseline_score >= 0 and baseline_score <= max_score),
    target_score    numeric(7, 4) check (target_score >= 0 and target_score <= max_score),
    current_score   numeric(7, 4) check (current_score >= 0 and current_score <= max_score),
    -- The plan's printed change column (Tăng/giảm so với năm trước), kept as recorded.
    recorded_change integer,
    scoring_method  varchar(16)   not null check (scoring_method in ('SELF_ASSESSMENT', 'SURVEY')),
    weakness        text,
    version         bigint        not null default 0,
    unique (cycle_id, code),
    unique (cycle_id, id),
    -- a parent always belongs to the same cycle
    foreign key (cycle_id, parent_id) references criterion (cycle_id, id)
);
create index criterion_parent_idx on criterion (parent_id);

-- Units named on a criterion: its lead units (cơ quan chủ trì) and coordinating units (cơ quan phối hợp).
create table criterion_unit (
    criterion_id bigint      not null references criterion (id) on delete cascade,
    unit_id      bigint      not null references unit (id),
    role         varchar(16) not null check (role in ('LEAD', 'COORDINATING')),
    position     integer     not null,
    primary key (criterion_id, role, unit_id)
);
create index criterion_unit_unit_idx on criterion_unit (unit_id);

-- The application's own accounts.
create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null unique check (username = lower(username)),
    display_name  varchar(200) not null,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'UNIT_HEAD', 'LEADER')),
    unit_id       bigint references unit (id),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    check (role <> 'UNIT_HEAD' or unit_id is not null)
);
