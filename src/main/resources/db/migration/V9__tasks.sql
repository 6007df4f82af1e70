-- The plan's tasks (nhiệm vụ, giải pháp: section II of the plan, "a) Nội dung triển khai") per cycle, with the
-- units that lead and help ("b) Trách nhiệm thực hiện"), the criteria each serves, and dated progress updates.

-- A task's domain is a criterion of level 1 of the task's own cycle: the foreign key below says both.
alter table criterion add constraint criterion_cycle_id_id_level_key unique (cycle_id, id, level);

create table task (
    id           bigint       generated always as identity primary key,
    cycle_id     bigint       not null references cycle (id),
    domain_id    bigint       not null,
    domain_level integer      not null default 1 constraint task_domain_level_check check (domain_level = 1),
    -- the task's place in its cycle's list (the plan's order)
    position     integer      not null constraint task_position_check check (position > 0),
    title        varchar(300) not null constraint task_title_check check (length(trim(title)) > 0),
    description  text         not null default ''
                              constraint task_description_check check (length(description) <= 10000),
    start_date   date         not null,
    due_date     date         not null,
    status       varchar(16)  not null
                              constraint task_status_check check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    created_at   timestamptz  not null default now(),
    version      bigint       not null default 0,
    constraint task_dates_check check (due_date >= start_date),
    constraint task_domain_fkey foreign key (cycle_id, domain_id, domain_level)
        references criterion (cycle_id, id, level),
    constraint task_cycle_id_id_key unique (cycle_id, id),
    constraint task_cycle_id_position_key unique (cycle_id, position)
);
create index task_domain_idx on task (domain_id);

create table task_unit (
    task_id  bigint      not null references task (id) on delete cascade,
    unit_id  bigint      not null references unit (id),
    role     varchar(16) not null constraint task_unit_role_check check (role in ('LEAD', 'COORDINATING')),
    position integer     not null constraint task_unit_position_check check (position > 0),
    -- a unit either leads or helps, once
    primary key (task_id, unit_id),
    constraint task_unit_position_key unique (task_id, role, position)
);
create index task_unit_unit_idx on task_unit (unit_id, role);

create table task_criterion (
    task_id      bigint not null,
    cycle_id     bigint not null,
    criterion_id bigint not null,
    primary key (task_id, criterion_id),
    -- a task serves criteria of its own cycle only
    constraint task_criterion_task_fkey foreign key (cycle_id, task_id) references task (cycle_id, id)
        on delete cascade,
    constraint task_criterion_criterion_fkey foreign key (cycle_id, criterion_id) references criterion (cycle_id, id)
);
create index task_criterion_criterion_idx on task_criterion (cycle_id, criterion_id);

-- Dated progress updates (tiến độ): what was done, optionally a percent and a new status; never changed.
create table task_update (
    id        bigint      generated always as identity primary key,
    task_id   bigint      not null references task (id),
    at        timestamptz not null,
    author_id bigint      not null references app_user (id),
    note      text        not null constraint task_update_note_check check (length(trim(note)) > 0 and length(note) <= 4000),
    percent   smallint    constraint task_update_percent_check check (percent between 0 and 100),
    status    varchar(16) constraint task_update_status_check check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE'))
);
create index task_update_task_idx on task_update (task_id, at desc);
create index task_update_author_idx on task_update (author_id);
create trigger task_update_append_only before update or delete on task_update
    for each row execute function forbid_change();
create trigger task_update_no_truncate before truncate on task_update
    for each statement execute function forbid_change();

-- What the pages show changes the data revision (V4), whoever writes.
create trigger task_data_revision before insert or update or delete or truncate on task
    for each statement execute function bump_data_revision();
create trigger task_unit_data_revision before insert or update or delete or truncate on task_unit
    for each statement execute function bump_data_revision();
create trigger task_criterion_data_revision before insert or update or delete or truncate on task_criterion
    for each statement execute function bump_data_revision();
create trigger task_update_data_revision before insert on task_update
    for each statement execute function bump_data_revision();
