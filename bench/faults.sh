#!/usr/bin/env bash
# Fault injection: is every acknowledged write still there after a crash?
#   1. builds the jar and starts it on a fresh embedded database (a temporary data directory);
#   2. runs WRITERS parallel streams of API writes (PATCH /api/v1/cycles/2023/criteria/{code} as noivu, one
#      criterion per stream, a unique comment per write) and records each acknowledged (2xx) one;
#   3. kill -9 of the application in the middle of the stream, restart, then checks that every acknowledged write
#      is in GET .../criteria/{code}/history: prints "acknowledged N, missing M";
#   4. the same with kill -9 of the embedded database's postmaster while the application runs (its watchdog
#      starts the server again): also prints how the requests were answered meanwhile and how long it took.
# Exits non-zero if any acknowledged write is missing.
#   bench/faults.sh                          # defaults below
#   WRITERS=5 RUN_SECONDS=15 AFTER_SECONDS=15 bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."

WRITERS=${WRITERS:-5}
RUN_SECONDS=${RUN_SECONDS:-15}     # writes before each kill
AFTER_SECONDS=${AFTER_SECONDS:-15} # writes after the database's kill (the outage and the recovery)
PORT=${PORT:-18090}
USER_PASS=${USER_PASS:-noivu:demo}
WORK=$(mktemp -d)
APP_PID=""
WRITER_PIDS=()
cleanup() {
    touch "$WORK/stop" 2>/dev/null || true
    for p in "${WRITER_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
    # a postgres left by a killed app (only this run's data directory)
    if [ -f "$WORK/data/postgres/postmaster.pid" ]; then
        pg=$(head -n 1 "$WORK/data/postgres/postmaster.pid")
        if [ -n "$pg" ] && [ "$(readlink "/proc/$pg/cwd" 2>/dev/null)" = "$WORK/data/postgres" ]; then kill -INT "$pg" || true; sleep 2; fi
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in curl jq; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 2; }
done

echo "== building the jar"
./mvnw -B -q -DskipTests package
JAR=$(ls target/par-index-tracker-*.jar | grep -v original | head -n 1)
API="http://localhost:$PORT/api/v1/cycles/2023"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

start_app() {
    PARINDEX_DATABASE_DATA_DIRECTORY="$WORK/data/postgres" SERVER_PORT="$PORT" \
        java -Xmx256m -jar "$JAR" --logging.level.root=WARN --logging.level.vn.parindex.database=INFO \
        >> "$WORK/app.log" 2>&1 &
    APP_PID=$!
    local started; started=$(now)
    for _ in $(seq 1 240); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$USER_PASS" "$API/criteria")" = 200 ]; then
            echo "   started in $(since "$started") s"
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "the app did not start; see the log:" >&2; tail -50 "$WORK/app.log" >&2; exit 1
}

version_of() { # version_of CODE: the criterion's current version, empty if unreadable
    curl -s --max-time 10 -u "$USER_PASS" "$API/criteria" | jq -r --arg c "$1" '.[] | select(.code == $c) | .version' 2>/dev/null || true
}

# writer PHASE INDEX CODE: PATCHes the target score until $WORK/stop exists; logs acknowledged comments and codes
writer() {
    local phase=$1 w=$2 code=$3 n=0 version="" status value
    local acked="$WORK/acked-$phase-$w" codes="$WORK/codes-$phase-$w" body="$WORK/body-$phase-$w"
    : > "$acked"; : > "$codes"
    while [ ! -e "$WORK/stop" ]; do
        [ -n "$version" ] || version=$(version_of "$code")
        if [ -z "$version" ]; then echo 000 >> "$codes"; sleep 0.2; continue; fi
        n=$((n + 1))
        value=$(awk -v n="$n" 'BEGIN { printf "%.4f", 0.1 + (n % 9000) * 0.0001 }')
        status=$(curl -s --max-time 15 -o "$body" -w '%{http_code}' -u "$USER_PASS" -X PATCH \
            -H 'Content-Type: application/json' \
            -d "{\"targetScore\": $value, \"comment\": \"fault-$phase-$w-$n\", \"version\": $version}" \
            "$API/criteria/$code" || true)
        echo "$status" >> "$codes"
        case "$status" in
            2??) echo "fault-$phase-$w-$n" >> "$acked"; version=$(jq -r '.version' "$body" 2>/dev/null || true) ;;
            409) version="" ;;
            *) version=""; sleep 0.2 ;;
        esac
    done
}

start_writers() {
    rm -f "$WORK/stop"
    WRITER_PIDS=()
    local w=0
    for code in $CODES; do
        w=$((w + 1))
        writer "$1" "$w" "$code" &
        WRITER_PIDS+=($!)
    done
}

stop_writers() {
    touch "$WORK/stop"
    for p in "${WRITER_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    WRITER_PIDS=()
}

# check PHASE: every acknowledged write of the phase in its criterion's history; returns the number missing
check() {
    local phase=$1 w=0 acked=0 missing=0
    for code in $CODES; do
        w=$((w + 1))
        curl -s -u "$USER_PASS" "$API/criteria/$code/history" | jq -r '.[].comment // empty' | sort -u > "$WORK/history-$code"
        acked=$((acked + $(wc -l < "$WORK/acked-$phase-$w")))
        missing=$((missing + $(sort -u "$WORK/acked-$phase-$w" | comm -23 - "$WORK/history-$code" | wc -l)))
    done
    echo "   acknowledged $acked, missing $missing"
    MISSING_TOTAL=$((MISSING_TOTAL + missing))
}

answers() { # answers PHASE: how the requests were answered
    cat "$WORK"/codes-"$1"-* | sort | uniq -c | sort -rn | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 } END { print "" }'
}

MISSING_TOTAL=0
echo "== starting the app on a fresh embedded database"
start_app
CODES=$(curl -s -u "$USER_PASS" "$API/criteria" \
    | jq -r --argjson n "$WRITERS" '[.[] | select(.parentCode != null and .maxScore >= 1.5)] | .[0:$n] | .[].code')
echo "   writers on criteria: $(echo $CODES)"

echo "== 1. kill -9 of the application after ${RUN_SECONDS} s of writes ($WRITERS writers)"
start_writers app
sleep "$RUN_SECONDS"
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
echo "   killed the app (pid $APP_PID); its postgres: pid $(head -n 1 "$WORK/data/postgres/postmaster.pid" 2>/dev/null || echo none)"
stop_writers
echo "   answers: $(answers app)"
echo "== restarting the app on the same data directory"
start_app
grep -h "left running\|stale postmaster" "$WORK/app.log" | sed 's/^.*\] [^ ]* *: /   log: /' | tail -n 2 || true
check app

echo "== 2. kill -9 of the database's postmaster after ${RUN_SECONDS} s of writes, then ${AFTER_SECONDS} s more"
start_writers db
sleep "$RUN_SECONDS"
PG_PID=$(head -n 1 "$WORK/data/postgres/postmaster.pid")
killed_at=$(now)
kill -9 "$PG_PID"
echo "   killed the postmaster (pid $PG_PID)"
recovered=""
while [ "$(awk -v a="$killed_at" -v b="$(now)" 'BEGIN { print (b - a < '"$AFTER_SECONDS"') }')" = 1 ]; do
    if [ -z "$recovered" ] && [ "$(head -n 1 "$WORK/data/postgres/postmaster.pid" 2>/dev/null)" != "$PG_PID" ] \
        && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$USER_PASS" "$API/criteria")" = 200 ]; then
        recovered=$(since "$killed_at")
    fi
    sleep 0.2
done
stop_writers
echo "   the API answered 200 again ${recovered:-(not within ${AFTER_SECONDS} s)} s after the kill"
echo "   readiness now: $(curl -s "http://localhost:$PORT/actuator/health/readiness")"
echo "   answers: $(answers db)"
check db

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
if [ "$MISSING_TOTAL" -ne 0 ] || [ -z "$recovered" ]; then
    echo "FAILED: $MISSING_TOTAL acknowledged writes missing${recovered:+}${recovered:- and the app did not recover}" >&2
    exit 1
fi
echo "OK: no acknowledged write lost"
