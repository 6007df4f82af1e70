-- Every body that keeps an index (đơn vị được đánh giá), on one deployment: communes, wards and special zones since
-- July 2025, the province's departments, and districts until 2025. Each row of a body's data carries its body_id,
-- and row-level security lets the application's role see and write only the rows of the body its connection is set
-- to (the setting parindex.body, set by the application on every connection it takes from the pool), or every
-- body's when the connection is set to all bodies (parindex.all_bodies = on: the province's pages, sign-in).
-- A connection set to neither sees no row and cannot insert one (body_id defaults to the setting: null is refused).
-- The owner (Flyway, backups) is not subject to the policies: only the application's role is.

create table body (
    id         bigint generated always as identity primary key,
    code       varchar(32)  not null check (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name       varchar(200) not null check (length(trim(name)) > 0),
    level      varchar(16)  not null check (level in ('COMMUNE', 'WARD', 'SPECIAL_ZONE', 'DEPARTMENT', 'DISTRICT')),
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create unique index body_code_key on body (upper(code));

-- Today's data is Tân Yên's (the 2023 plan's district): it becomes the first body, and so does a new install's.
insert into body (code, name, level) overriding system value values ('TAN_YEN', 'Tân Yên', 'DISTRICT');

-- The body a connection is set to (null: none) and whether it sees every body.
create function parindex_body() returns bigint language sql stable parallel safe as $$
    select nullif(current_setting('parindex.body', true), '')::bigint
$$;
create function parindex_all_bodies() returns boolean language sql stable parallel safe as $$
    select coalesce(current_setting('parindex.all_bodies', true), '') = 'on'
$$;

do $$
declare
    t text;
    -- every table of a body's data; data_revision (the cache's counter) and body itself are the deployment's
    tenant text[] := array['unit', 'unit_alias', 'cycle', 'criterion', 'criterion_unit', 'assessment', 'evidence',
        'peer_district_score', 'task', 'task_unit', 'task_criterion', 'task_update', 'cycle_calendar', 'report_input',
        'report_input_task', 'digest_sent', 'criterion_lineage', 'evidence_item', 'criterion_explanation'];
    -- tables where a row may belong to no body: the province's accounts, the province's own changes
    province text[] := array['app_user', 'change_history'];
begin
    foreach t in array tenant || province loop
        execute format('alter table %I add column body_id bigint default 1 references body (id)', t);
        if t = any (tenant) then
            execute format('alter table %I alter column body_id set not null', t);
        end if;
        execute format('alter table %I alter column body_id set default parindex_body()', t);
        execute format('create index %I on %I (body_id)', t || '_body_idx', t);
        execute format('alter table %I enable row level security', t);
        execute format('create policy body_rows on %I using (body_id = parindex_body() or parindex_all_bodies())'
            || ' with check (body_id = parindex_body() or parindex_all_bodies())', t);
    end loop;
end
$$;

-- The province's accounts work in every body, so its records name them (who submitted, uploaded, reviewed): every
-- body reads them, none writes them (an update or delete from a body's connection finds no such row).
drop policy body_rows on app_user;
create policy body_rows on app_user using (body_id = parindex_body() or parindex_all_bodies())
    with check (body_id = parindex_body() or parindex_all_bodies());
create policy province_accounts_read on app_user for select using (body_id is null);

-- A code or a year is a body's own: two communes may both have a "VP" office and a 2026 cycle.
alter table unit drop constraint unit_code_key;
alter table unit add constraint unit_body_code_key unique (body_id, code);
alter table cycle drop constraint cycle_year_key;
alter table cycle add constraint cycle_body_year_key unique (body_id, year);

-- A commune's or a department's own offices and divisions (kind OFFICE), beside a district's offices and communes.
alter table unit drop constraint unit_kind_check;
alter table unit add constraint unit_kind_check check (kind in ('DISTRICT_OFFICE', 'COMMUNE', 'OFFICE'));

-- The province's Home Affairs (Sở Nội vụ): an account of no body, which sees every body.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in ('ADMIN', 'UNIT_HEAD', 'LEADER', 'PROVINCE'));
alter table app_user add constraint app_user_body_check check ((role = 'PROVINCE') = (body_id is null));

-- A body's people see their own body's row only; the province (every body) sees them all and adds them.
alter table body enable row level security;
create policy body_rows on body using (id = parindex_body() or parindex_all_bodies())
    with check (parindex_all_bodies());

-- A body's row changes what pages show (its name on every page): the revision follows it too.
create trigger body_data_revision after insert or update or delete on body
    for each statement execute function bump_data_revision();
