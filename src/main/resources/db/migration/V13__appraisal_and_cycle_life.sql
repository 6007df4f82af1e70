-- The province's appraisal (thẩm định) and a cycle's life from one year to the next.

-- The score the province appraised for a criterion, and its reason for any deduction. With it, the criterion's
-- official result for the year; without it, the current (self-assessed, reviewed) score stands in.
alter table criterion add column appraised_score numeric(7, 4)
    check (appraised_score >= 0 and appraised_score <= max_score);
alter table criterion add column appraisal_reason varchar(2000);

-- A criterion continues one or more of an earlier year's (the same, renamed, renumbered, or several merged): its
-- trend runs through them.
create table criterion_lineage (
    criterion_id bigint not null references criterion (id) on delete cascade,
    previous_id  bigint not null references criterion (id),
    primary key (criterion_id, previous_id),
    check (criterion_id <> previous_id)
);
create index criterion_lineage_previous_idx on criterion_lineage (previous_id);
create trigger criterion_lineage_data_revision before insert or update or delete or truncate on criterion_lineage
    for each statement execute function bump_data_revision();

-- When a cycle was closed: from then on nothing in it changes (history and evidence stay).
alter table cycle add column closed_at timestamptz;

-- A closed cycle's criteria and assignments are never changed or removed, whatever the application does.
-- (Inserts are left to the application, which refuses them, so that a backup of a closed cycle restores.)
create function refuse_change_in_closed_cycle() returns trigger language plpgsql as $$
declare
    closed boolean;
begin
    if tg_table_name = 'criterion' then
        select c.status = 'CLOSED' into closed from cycle c where c.id = old.cycle_id;
    else
        select c.status = 'CLOSED' into closed from cycle c join criterion k on k.cycle_id = c.id
            where k.id = old.criterion_id;
    end if;
    if coalesce(closed, false) then
        raise exception 'the cycle of this % is closed', tg_table_name using errcode = '55000';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger criterion_closed_cycle before update or delete on criterion
    for each row execute function refuse_change_in_closed_cycle();
create trigger criterion_unit_closed_cycle before update or delete on criterion_unit
    for each row execute function refuse_change_in_closed_cycle();

-- Nothing new awaits review in a closed cycle. A submission takes a share lock on its cycle's row, so closing (which
-- locks that row for update, then counts what is pending) either sees it or makes it wait and then refuses it.
create function refuse_pending_in_closed_cycle() returns trigger language plpgsql as $$
declare
    state varchar(16);
begin
    if new.status <> 'SUBMITTED' then
        return new;
    end if;
    if tg_table_name = 'assessment' then
        select c.status into state from cycle c join criterion k on k.cycle_id = c.id
            where k.id = new.criterion_id for share of c;
    else
        select c.status into state from cycle c where c.id = new.cycle_id for share;
    end if;
    if state = 'CLOSED' then
        raise exception 'the cycle of this % is closed', tg_table_name using errcode = '55000';
    end if;
    return new;
end
$$;
create trigger assessment_closed_cycle before insert or update on assessment
    for each row execute function refuse_pending_in_closed_cycle();
create trigger report_input_closed_cycle before insert or update on report_input
    for each row execute function refuse_pending_in_closed_cycle();
