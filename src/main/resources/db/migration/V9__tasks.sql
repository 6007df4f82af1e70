-- The plan's tasks (nhiệm vụ, giải pháp: section II of the plan, "a) Nội dung triển khai") per cycle, with the
-- units that lead and help ("b) Trách nhiệm thực hiện"), the criteria each serves, and dated progress updates.
create table task (
    id          bigint generated always as identity primary key,
    cycle_id    bigint       not null references cycle (id),
    -- the domain (a criterion of level 1) of the same cycle
    domain_id   bigint       not null,
    position    integer      not null check (position > 0),
    title       varchar(300) not null check (length(trim(title)) > 0),
    description text         not null default '' check (length(description) <= 10000),
    start_date  date         not null,
    due_date    date         not null,
    status      varchar(16)  not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    check (due_date >= start_date),
    foreign key (cycle_id, domain_id) references criterion (cycle_id, id),
    unique (cycle_id, id)
);
create index task_cycle_idx on task (cycle_id, domain_id, position);

create table task_unit (
    task_id  bigint      not null references task (id) on delete cascade,
    unit_id  bigint      not null references unit (id),
    role     varchar(16) not null check (role in ('LEAD', 'COORDINATING')),
    position integer     not null,
    -- a unit either leads or helps
    primary key (task_id, unit_id)
);
create index task_unit_unit_idx on task_unit (unit_id, role);

create table task_criterion (
    task_id      bigint not null,
    cycle_id     bigint not null,
    criterion_id bigint not null,
    primary key (task_id, criterion_id),
    -- a task serves criteria of its own cycle only
    foreign key (cycle_id, task_id) references task (cycle_id, id) on delete cascade,
    foreign key (cycle_id, criterion_id) references criterion (cycle_id, id)
);

-- Dated progress updates (tiến độ): what was done, optionally a percent and a new status; never changed.
create table task_update (
    id        bigint generated always as identity primary key,
    task_id   bigint      not null references task (id),
    at        timestamptz not null,
    author_id bigint      not null references app_user (id),
    note      text        not null check (length(trim(note)) > 0 and length(note) <= 4000),
    percent   smallint    check (percent between 0 and 100),
    status    varchar(16) check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE'))
);
create index task_update_task_idx on task_update (task_id, at desc);
create trigger task_update_append_only before update or delete on task_update
    for each row execute function forbid_change();
create trigger task_update_no_truncate before truncate on task_update
    for each statement execute function forbid_change();

create trigger task_data_revision before insert or update or delete or truncate on task
    for each statement execute function bump_data_revision();
create trigger task_unit_data_revision before insert or update or delete or truncate on task_unit
    for each statement execute function bump_data_revision();
create trigger task_criterion_data_revision before insert or update or delete or truncate on task_criterion
    for each statement execute function bump_data_revision();
create trigger task_update_data_revision before insert on task_update
    for each statement execute function bump_data_revision();
