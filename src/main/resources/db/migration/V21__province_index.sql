-- The province's index of a level for a year (issue 25): the framework the bodies of that level assess themselves on
-- (imported by the province's Home Affairs), its settings (the self-assessment deadline, the explanation period,
-- whether the index is scaled to 100, the tie-break, the bands), and whether it is still a draft, open, or published.
-- These rows are the province's: every body reads them (its deadlines, its bands), only a connection working on every
-- body (the province's requests) writes them. A body's cycle of that year is under the index when the body is of its
-- level: no column links them, so a body's export carries none of the province's rows.
create table index_year (
    id                  bigint generated always as identity primary key,
    year                integer      not null check (year between 2000 and 2200),
    level               varchar(16)  not null
        check (level in ('COMMUNE', 'WARD', 'SPECIAL_ZONE', 'DEPARTMENT', 'DISTRICT')),
    status              varchar(16)  not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'PUBLISHED')),
    scale_to_100        boolean      not null default true,
    tie_break           varchar(24)  not null default 'SHARED' check (tie_break in ('SHARED', 'SMALLER_DEDUCTION')),
    self_assessment_due date,
    explanation_from    date,
    explanation_to      date,
    opened_at           timestamptz,
    published_at        timestamptz,
    version             bigint       not null default 0,
    constraint index_year_key unique (year, level),
    constraint index_year_explanation_period check (explanation_from <= explanation_to),
    constraint index_year_opened check ((status = 'DRAFT') = (opened_at is null)),
    constraint index_year_published check ((status = 'PUBLISHED') = (published_at is not null))
);

-- The level's framework of the year: any depth, any number of domains (the codes' dots give the depth).
create table index_framework_node (
    index_year_id bigint        not null references index_year (id) on delete cascade,
    code          varchar(32)   not null,
    parent_code   varchar(32),
    position      integer       not null,
    name          varchar(1000) not null,
    max_score     numeric(9, 4) not null check (max_score >= 0),
    primary key (index_year_id, code),
    foreign key (index_year_id, parent_code) references index_framework_node (index_year_id, code)
);

-- The bands (xếp loại) of the year: from (inclusive) to (exclusive; the top band includes its end), checked whole by
-- the application (no gap, no overlap, 0 to the top).
create table index_band (
    index_year_id bigint        not null references index_year (id) on delete cascade,
    position      integer       not null,
    name          varchar(50)   not null check (length(trim(name)) > 0),
    from_index    numeric(9, 4) not null,
    to_index      numeric(9, 4) not null,
    primary key (index_year_id, position),
    constraint index_band_range check (from_index < to_index)
);

-- The cycles the opening gave the index (one per body of the level then, created or kept): the results count these
-- only, never a cycle a body made itself later. The body's column is not named body_id (the province's rows).
create table index_body (
    index_year_id    bigint not null references index_year (id) on delete cascade,
    assessed_body_id bigint not null references body (id),
    cycle_id         bigint not null references cycle (id),
    primary key (index_year_id, assessed_body_id)
);

-- The result as published, one row per body of the level: what every body reads from then on (its rank on its
-- dashboard, the province's ranking), unchanged by anything later (a body added, a body's data moved away). The
-- body's column is not named body_id: these rows are the province's, never a body's data (a body's export carries
-- none of them back in).
create table index_result (
    index_year_id    bigint        not null references index_year (id) on delete cascade,
    assessed_body_id bigint        not null references body (id),
    body_code        varchar(32)   not null,
    body_name        varchar(200)  not null,
    score            numeric(9, 4) not null,
    maximum          numeric(9, 4) not null,
    self_assessed    numeric(9, 4) not null,
    index_value      numeric(9, 4),
    rank             integer check (rank >= 1),
    band             varchar(50),
    primary key (index_year_id, assessed_body_id)
);

do $$
declare
    t text;
begin
    foreach t in array array['index_year', 'index_framework_node', 'index_band', 'index_body', 'index_result'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy read_all on %I for select using (true)', t);
        execute format('create policy province_writes on %I for all using (parindex_all_bodies())'
            || ' with check (parindex_all_bodies())', t);
        execute format('create trigger %I after insert or update or delete or truncate on %I'
            || ' for each statement execute function bump_data_revision()', t || '_data_revision', t);
    end loop;
end
$$;

-- Which cycle is whose is the body's own business and the province's: a body reads its own row only.
drop policy read_all on index_body;
create policy read_own on index_body for select using (assessed_body_id = parindex_body() or parindex_all_bodies());

-- A criterion that does not apply to a body ("không áp dụng"), with the province's reason: its maximum leaves the
-- body's maximum, with everything under it.
alter table criterion add column applies boolean not null default true;
alter table criterion add column applicability_reason varchar(2000);
alter table criterion add constraint criterion_applicability_reason
    check (applies or length(trim(applicability_reason)) > 0);

-- The body's explanation (giải trình) of a deduction, within the explanation period, and the reason of the province's
-- appraisal council when it settles the criterion's final score (the appraised score then becomes the final one;
-- the first appraisal stays in the history).
alter table criterion add column explanation varchar(4000);
alter table criterion add column decision_reason varchar(2000);
