-- "UBND các xã, thị trấn" (issue 24, item 5): before 2025 a district's plan names all its communes at once, as
-- coordinating units of a criterion, as units of a task. A flag, not one row per commune: a commune added later is
-- covered too, and an inactive one is not.
alter table criterion add column all_communes_coordinate boolean not null default false;
alter table task add column all_communes boolean not null default false;

-- A task's units as every reader asks for them: the rows named on it, and, when the task names all communes, every
-- active commune of its body not named on it, as a coordinating unit after the named ones. reports: the unit owes
-- the task's results in its report inputs and may record its progress (a lead unit, or a commune through the flag,
-- named on the task or not). security_invoker: the reader's row-level security applies, not the owner's.
create view task_unit_effective with (security_invoker = true) as
select tu.task_id, tu.unit_id, tu.role, tu.position,
       tu.role = 'LEAD' or (t.all_communes and u.kind = 'COMMUNE' and u.active) as reports
from task_unit tu
join task t on t.id = tu.task_id
join unit u on u.id = tu.unit_id
union all
select t.id, u.id, 'COORDINATING',
       coalesce((select max(x.position) from task_unit x where x.task_id = t.id and x.role = 'COORDINATING'), 0)
           + cast(row_number() over (partition by t.id order by u.id) as integer),
       true
from task t
join unit u on u.body_id = t.body_id and u.kind = 'COMMUNE' and u.active
where t.all_communes and not exists (select 1 from task_unit x where x.task_id = t.id and x.unit_id = u.id);
