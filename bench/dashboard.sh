#!/usr/bin/env bash
# Benchmark of the dashboard: builds the jar, starts the app on a fresh embedded database with -Xmx256m, logs in,
# and measures with wrk (-t2 -c16 -d20s --latency) the dashboard, a criterion page, the summary API and a small
# static file, printing requests/s and p99 for each and the ratio dashboard ÷ static file. Then loads a large
# generated data set (10 cycles, 200 units, 2 000 criteria per cycle, 5 assessments each) and measures the
# dashboard of a large cycle again.
#   bench/dashboard.sh            # both runs
#   DURATION=5s WARMUP=5s bench/dashboard.sh   # shorter runs (each measurement is preceded by a warm-up run)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "installing $2 ..." >&2
        sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$2" >/dev/null
    fi
}
need wrk wrk
need psql postgresql-client
need curl curl

echo "== building the jar"
./mvnw -B -q -DskipTests package
JAR=$(ls target/par-index-tracker-*.jar | grep -v original | head -n 1)

start_app() {
    java -Xmx256m -jar "$JAR" --server.port="$PORT" --parindex.database.data-directory="$WORK/pg" \
        --parindex.database.port="$PGPORT" --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "http://localhost:$PORT/login"; then return 0; fi
        sleep 0.5
    done
    echo "the app did not start; see the log:" >&2; tail -50 "$WORK/app.log" >&2; exit 1
}

login() {
    rm -f "$WORK/cookies"
    local token
    token=$(curl -fs -c "$WORK/cookies" -b "$WORK/cookies" "http://localhost:$PORT/login" \
        | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -fs -o /dev/null -c "$WORK/cookies" -b "$WORK/cookies" \
        --data-urlencode "username=lanhdao" --data-urlencode "password=demo" --data-urlencode "_csrf=$token" \
        "http://localhost:$PORT/login"
    SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$WORK/cookies")
    [ -n "$SESSION" ] || { echo "login failed" >&2; exit 1; }
}

# warm_up PATH [HEADER]: checks the answer is 200 (not a redirect to the login page), then lets the JIT warm up
warm_up() {
    local path=$1 header=${2:-} code
    code=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "http://localhost:$PORT$path")
    [ "$code" = 200 ] || { echo "$path answered $code, not 200: not measured" >&2; exit 1; }
    wrk -t2 -c16 -d"$WARMUP" ${header:+-H "$header"} "http://localhost:$PORT$path" > /dev/null
}

# measure NAME PATH [HEADER]: runs wrk, prints "NAME req/s p99 errors"
measure() {
    local name=$1 path=$2 header=${3:-}
    local out="$WORK/wrk-$name.txt"
    warm_up "$path" "$header"
    if [ -n "$header" ]; then
        wrk -t2 -c16 -d"$DURATION" --latency -H "$header" "http://localhost:$PORT$path" > "$out"
    else
        wrk -t2 -c16 -d"$DURATION" --latency "http://localhost:$PORT$path" > "$out"
    fi
    local rps p99 errors non2xx
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    errors=$(awk '/Socket errors/ {print $0}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$out")
    printf '%-22s %12s req/s   p99 %9s   %s%s\n' "$name" "$rps" "$p99" "${non2xx:+non-2xx: $non2xx }" "${errors:-no errors}"
    eval "RPS_$name=$rps"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

echo "== Tân Yên plan (48 nodes), -Xmx256m, wrk -t2 -c16 -d$DURATION"
start_app
login
BASIC="Authorization: Basic $(printf 'lanhdao:demo' | base64)"
measure dashboard / "Cookie: JSESSIONID=$SESSION"
measure criterion /cycles/2023/criteria/1.3 "Cookie: JSESSIONID=$SESSION"
measure summary_api /api/v1/cycles/2023/summary "$BASIC"
measure static_file /assets/css/app.css
echo "dashboard ÷ static file: $(ratio "$RPS_dashboard" "$RPS_static_file")"

echo "== large data set: 10 more cycles, 200 units, 2 000 criteria per cycle, 5 assessments each"
# as the owner, with the password the app generated beside the data directory
PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$WORK/database.properties") \
    psql -q -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -f bench/large-data.sql
login
measure dashboard_large "/?year=2019" "Cookie: JSESSIONID=$SESSION"
measure static_file_2 /assets/css/app.css
echo "large dashboard ÷ static file: $(ratio "$RPS_dashboard_large" "$RPS_static_file_2")"
