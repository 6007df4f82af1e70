-- Accounts made with a first password (a body's heads of office imported from a list, each password handed out on
-- a printed sheet): the person must choose their own at first sign-in; until then only the password page opens.
alter table app_user add column password_change_required boolean not null default false;

-- User names are the deployment's (unique over every body), but a body's connection sees only its own accounts:
-- whether a name is taken anywhere, and nothing else about it, for the names an import makes up. Runs as the owner
-- (not subject to the row policies), with a fixed search path.
create function parindex_username_taken(name text) returns boolean language sql stable security definer
    set search_path = pg_catalog, public as $$
    select exists (select 1 from public.app_user where username = lower(name))
$$;
