-- The login throttle's counts (security.LoginThrottle), in the database so that every instance of the application on
-- it sees the same failures (in schema runtime, V23: what the instances share while they run, never in a backup): behind a proxy spreading requests over several instances, an attacker would otherwise
-- get as many tries as there are instances. Attempts still being checked stay in each instance's memory: a crash
-- never leaves a key blocked.
--
-- Failed sign-ins per key: an (account, address) pair, an address (IPv6: its /64), an account (security.ThrottleKeys).
-- A count whose last failure is older than parindex.login.forget-after is forgotten: ignored when read, started
-- again at 1 by the next failure, deleted by the application now and then (the index on the time finds them).
create table runtime.login_failure (
    key          varchar(200) primary key,
    failures     integer      not null check (failures > 0),
    last_failure timestamptz  not null
);
create index login_failure_last_failure_idx on runtime.login_failure (last_failure, key);

-- The (account, address) pairs that signed in successfully ("address account"): such an address is exempt from the
-- account-wide slowdown. At most a tenth of the throttle's capacity, the least recently seen forgotten first.
create table runtime.login_known_address (
    key       varchar(200) primary key,
    last_seen timestamptz  not null
);
create index login_known_address_last_seen_idx on runtime.login_known_address (last_seen, key);

-- Numbers the throttle's writes of every instance together: every so many, the writer trims both tables back under
-- the capacity (one counter read in the write's own statement instead of counting the rows each time).
create sequence runtime.login_throttle_writes;

-- These rows belong to no body (no body_id): sign-in reads and writes them in every body's scope, as it reads the
-- accounts. Row-level security hides them from a connection set to one body (a body's pages, a body's backup):
-- they name accounts and addresses of every body. Never in a backup, a restore or a body's export
-- (schema runtime, which backups do not read): they are no data, only what the throttle remembers for an hour. No
-- data_revision trigger: no page shows them.
do $$
declare
    t text;
begin
    foreach t in array array['login_failure', 'login_known_address'] loop
        execute format('alter table runtime.%I enable row level security', t);
        execute format('create policy sign_in on runtime.%I using (parindex_all_bodies()) with check (parindex_all_bodies())',
            t);
    end loop;
end
$$;
