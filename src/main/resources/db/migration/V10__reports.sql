-- The plan's reporting (section III): each unit sends Home Affairs its input for the monthly, quarterly, half-year
-- and yearly reform reports; Home Affairs accepts it or returns it with a reason, and compiles the district's report.

-- Per cycle, the deadlines Home Affairs sets (a missing row means the defaults): units' inputs are due on that day
-- of the period's last month; the self-assessment of every criterion is due by that date.
create table cycle_calendar (
    cycle_id                bigint   primary key references cycle (id),
    month_due_day           smallint not null default 15 constraint cycle_calendar_month_check check (month_due_day between 1 and 31),
    quarter_due_day         smallint not null default 15 constraint cycle_calendar_quarter_check check (quarter_due_day between 1 and 31),
    half_due_day            smallint not null default 15 constraint cycle_calendar_half_check check (half_due_day between 1 and 31),
    year_due_day            smallint not null default 15 constraint cycle_calendar_year_check check (year_due_day between 1 and 31),
    self_assessment_due     date,
    version                 bigint   not null default 0
);

-- A unit's input for one period: one per unit and period (the database says so, whatever runs concurrently).
create table report_input (
    id                 bigint       generated always as identity primary key,
    cycle_id           bigint       not null references cycle (id),
    period             varchar(7)   not null
                                    constraint report_input_period_check check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H1)?$'),
    unit_id            bigint       not null references unit (id),
    status             varchar(16)  not null
                                    constraint report_input_status_check check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    -- tồn tại, hạn chế (difficulties) and đề xuất, kiến nghị (proposals) for the whole period
    difficulties       text         not null default ''
                                    constraint report_input_difficulties_check check (length(difficulties) <= 4000),
    proposals          text         not null default ''
                                    constraint report_input_proposals_check check (length(proposals) <= 4000),
    updated_at         timestamptz  not null,
    updated_by         bigint       not null references app_user (id),
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by       bigint       references app_user (id),
    reviewed_at        timestamptz,
    reviewed_by        bigint       references app_user (id),
    return_reason      text         constraint report_input_reason_check check (length(return_reason) <= 4000),
    version            bigint       not null default 0,
    constraint report_input_period_unit_key unique (cycle_id, period, unit_id),
    constraint report_input_submitted_check check (status = 'DRAFT' or (submitted_at is not null and submitted_by is not null)),
    constraint report_input_reviewed_check check (status not in ('RETURNED', 'ACCEPTED') or (reviewed_at is not null and reviewed_by is not null)),
    constraint report_input_returned_check check (status <> 'RETURNED' or length(trim(return_reason)) > 0)
);
create index report_input_unit_idx on report_input (unit_id);

-- What was done on each task the unit leads (kết quả thực hiện), in that input.
create table report_input_task (
    input_id bigint not null references report_input (id) on delete cascade,
    task_id  bigint not null references task (id),
    result   text   not null constraint report_input_task_result_check check (length(trim(result)) > 0 and length(result) <= 4000),
    primary key (input_id, task_id)
);
create index report_input_task_task_idx on report_input_task (task_id);

create trigger cycle_calendar_data_revision before insert or update or delete or truncate on cycle_calendar
    for each statement execute function bump_data_revision();
create trigger report_input_data_revision before insert or update or delete or truncate on report_input
    for each statement execute function bump_data_revision();
create trigger report_input_task_data_revision before insert or update or delete or truncate on report_input_task
    for each statement execute function bump_data_revision();
