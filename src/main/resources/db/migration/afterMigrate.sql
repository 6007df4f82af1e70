-- After every migration (Flyway callback, run by the owner): the application's own role, when it exists, may read
-- and write data but not change the schema, and may only add to and read the history and the evidence store.
-- The role is named by parindex.database.app-role (Flyway placeholder approle); without such a role nothing is granted.
do $$
declare
    app text := '${approle}';
begin
    if app = '' or not exists (select 1 from pg_roles where rolname = app) then
        raise notice 'No application role % here: no privileges granted', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('revoke create on schema public from %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('revoke truncate, references, trigger on all tables in schema public from %I', app);
    execute format('revoke update, delete on change_history, evidence, task_update from %I', app);
    execute format('revoke insert, update, delete on flyway_schema_history from %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    -- what the instances share while they run (V23): sessions, the login throttle, the scheduled jobs' claims
    if exists (select 1 from pg_namespace where nspname = 'runtime') then
        execute format('grant usage on schema runtime to %I', app);
        execute format('revoke create on schema runtime from %I', app);
        execute format('grant select, insert, update, delete on all tables in schema runtime to %I', app);
        execute format('revoke truncate, references, trigger on all tables in schema runtime from %I', app);
        execute format('grant usage, select on all sequences in schema runtime to %I', app);
    end if;
end
$$;
