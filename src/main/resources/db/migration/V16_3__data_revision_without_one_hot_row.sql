-- The data revision (V4) was one row that every writing transaction updated, so every writer of the database
-- queued on that row's lock until the one before it committed. It is now the sum of 64 rows ("slots"): a
-- transaction bumps the slot of its own connection (backend pid modulo 64), so writers on different connections
-- no longer wait for each other. The sum still changes in the writing transaction, with every write to what the
-- pages show, whoever writes (the app, another instance, psql): read it with sum(revision).
alter table data_revision drop constraint data_revision_id_check;
alter table data_revision add constraint data_revision_slot check (id between 0 and 63);
insert into data_revision (id, revision) select s, 0 from generate_series(0, 63) s where s <> 1;

-- A transaction keeps the same connection, so it locks one slot only: no lock-order deadlock between slots.
create or replace function bump_data_revision() returns trigger language plpgsql as $$
begin
    update data_revision set revision = revision + 1 where id = pg_backend_pid() % 64;
    return null;
end;
$$;
