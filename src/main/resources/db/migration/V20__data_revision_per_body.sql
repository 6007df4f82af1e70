-- The data revision per body: a write in one body no longer makes every other body's kept pages and values stale.
-- The trigger bumps the slot of the writing connection in the row of the body the connection works on (V17's
-- parindex.body), or of body 0 when it works on none or on every body (the province's writes, the owner's, psql):
-- a change every body sees. A body's revision is the sum of its rows and body 0's; every body's is the sum of all.
alter table data_revision add column body_id bigint not null default 0;
alter table data_revision drop constraint data_revision_pkey;
alter table data_revision add primary key (body_id, id);

create or replace function bump_data_revision() returns trigger language plpgsql as $$
begin
    insert into data_revision as r (body_id, id, revision)
    values (coalesce(parindex_body(), 0), pg_backend_pid() % 64, 1)
    on conflict (body_id, id) do update set revision = r.revision + 1;
    return null;
end;
$$;
