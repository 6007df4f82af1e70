#!/usr/bin/env bash
# Load test: builds the jar, starts it with -Xmx256m on a fresh embedded database (temp data directory, free
# port), then runs bench/Load.java: 50 simulated users for 2 minutes (unit heads submitting and uploading
# evidence, Home Affairs approving and returning, leaders reading the API and pages). Prints requests, errors
# (5xx and unexpected 4xx: must be 0), 409 conflicts apart, p50/p99 per kind, and the acknowledged writes missing
# from the history (must be 0). Exit code 1 when either is not 0.
#   bench/load.sh                         # 50 users, 2 minutes
#   DURATION=30s USERS=50 bench/load.sh   # DURATION in s or m (30s, 2m); SKIP_BUILD=1 reuses target/*.jar
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-2m}
USERS=${USERS:-50}
case "$DURATION" in
    *m) SECONDS_TOTAL=$(( ${DURATION%m} * 60 )) ;;
    *s) SECONDS_TOTAL=${DURATION%s} ;;
    *) SECONDS_TOTAL=$DURATION ;;
esac
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/par-index-tracker-*.jar | grep -v original | head -n 1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo 18180)

echo "== starting $JAR on port $PORT (data in $WORK)"
( cd "$WORK" && exec java -Xmx256m -jar "$OLDPWD/$JAR" --server.port="$PORT" \
    --parindex.database.data-directory="$WORK/data/postgres" --logging.level.root=WARN > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/login"; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app stopped; see the log:" >&2; tail -50 "$WORK/app.log" >&2; exit 1; fi
    sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" || { echo "the app did not start" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }

echo "== $USERS users for ${SECONDS_TOTAL}s"
status=0
java bench/Load.java "http://127.0.0.1:$PORT" "$SECONDS_TOTAL" "$USERS" || status=$?
if grep -q "OutOfMemoryError" "$WORK/app.log"; then echo "OutOfMemoryError in the app's log" >&2; status=1; fi
mkdir -p target && cp "$WORK/app.log" target/load-app.log
if [ "$status" -ne 0 ]; then
    echo "== the app's log (target/load-app.log), exceptions:"
    grep -E "^[a-zA-Z.]+(Exception|Error)|ERROR" target/load-app.log | sort | uniq -c | sort -rn | head -10 || true
fi
exit $status
