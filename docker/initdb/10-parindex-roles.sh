#!/bin/sh
# Creates the two database roles of PAR Index Tracker (run by the postgres image from /docker-entrypoint-initdb.d
# on the first start of an empty volume):
#   - the schema owner (PARINDEX_DB_OWNER, default parindex): owns the database and its schema; Flyway migrates as it;
#   - the application's role (PARINDEX_DB_APP_ROLE, default parindex_app): login only; the grants it needs (read and
#     write data, only add to and read change_history and evidence) are given by the migrations (afterMigrate.sql).
# Passwords come only from the environment: PARINDEX_DB_OWNER_PASSWORD and PARINDEX_DB_APP_PASSWORD.
# Safe to run again, e.g. on a volume created by an earlier version (whose superuser was parindex):
#   docker compose exec -e POSTGRES_USER=parindex db sh /docker-entrypoint-initdb.d/10-parindex-roles.sh
set -eu

: "${PARINDEX_DB_OWNER_PASSWORD:?set PARINDEX_DB_OWNER_PASSWORD}"
: "${PARINDEX_DB_APP_PASSWORD:?set PARINDEX_DB_APP_PASSWORD}"
owner="${PARINDEX_DB_OWNER:-parindex}"
app="${PARINDEX_DB_APP_ROLE:-parindex_app}"
database="${POSTGRES_DB:-parindex}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "$database" \
    -v owner="$owner" -v app="$app" -v database="$database" \
    -v owner_password="$PARINDEX_DB_OWNER_PASSWORD" -v app_password="$PARINDEX_DB_APP_PASSWORD" <<'SQL'
-- the owner: created without any administrative right; an existing owner (an earlier volume's) keeps its attributes
select format('create role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls', :'owner')
where not exists (select 1 from pg_roles where rolname = :'owner') \gexec
select format('alter role %I with login password %L', :'owner', :'owner_password') \gexec
-- the application: login, nothing else, always
select format('create role %I', :'app') where not exists (select 1 from pg_roles where rolname = :'app') \gexec
select format('alter role %I with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L',
              :'app', :'app_password') \gexec
select format('alter database %I owner to %I', :'database', :'owner') \gexec
select format('alter schema public owner to %I', :'owner') \gexec
revoke create on schema public from public;
select format('grant connect on database %I to %I', :'database', :'app') \gexec
SQL
echo "PAR Index Tracker: roles $owner (owner) and $app (application) are ready in database $database"
