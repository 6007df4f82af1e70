-- A revision number that changes, in the same transaction, with every write to what the dashboards show:
-- pages rendered from a revision are reused until it changes (whoever wrote: the app, another instance, psql).
create table data_revision (
    id       integer primary key check (id = 1),
    revision bigint  not null
);
insert into data_revision (id, revision) values (1, 1);

-- Taken before the statement touches any row, so every writer locks the revision first: no lock-order deadlock.
create function bump_data_revision() returns trigger language plpgsql as $$
begin
    update data_revision set revision = revision + 1 where id = 1;
    return null;
end;
$$;

create trigger unit_data_revision before insert or update or delete or truncate on unit
    for each statement execute function bump_data_revision();
create trigger cycle_data_revision before insert or update or delete or truncate on cycle
    for each statement execute function bump_data_revision();
create trigger criterion_data_revision before insert or update or delete or truncate on criterion
    for each statement execute function bump_data_revision();
create trigger criterion_unit_data_revision before insert or update or delete or truncate on criterion_unit
    for each statement execute function bump_data_revision();
create trigger assessment_data_revision before insert or update or delete or truncate on assessment
    for each statement execute function bump_data_revision();
create trigger peer_district_score_data_revision before insert or update or delete or truncate on peer_district_score
    for each statement execute function bump_data_revision();
