#!/usr/bin/env bash
# Benchmark of every page and every read API endpoint (issue 9's goals): builds the jar, starts the app on a fresh
# embedded database with -Xmx256m, signs in as leadership (lanhdao), a unit head (tuphap) and Home Affairs (noivu),
# and measures each address with wrk -t2 -c16 --latency (a warm-up run, then the measured run), printing one line:
#   name  req/s  p99  ratio to the small static file (measured first in the same run)  CPU ms/request  PASS|FAIL
# Goals: pages >= 0.25x the static file's rate, API JSON >= 0.4x, the dashboard >= 0.5x, every p99 < 50 ms.
# Before each set is measured, every address of it is loaded WARM_ROUNDS times for WARM_EACH (2 x 4s): the JIT
# needs about a minute of varied load before the code shared by all pages is compiled (the small static file
# goes from 0,7 to 0,2 ms of CPU a request), and a ratio measured against a cold static file means little.
# Then loads bench/province-data.sql (120 more bodies of 5 years of 40 criteria: a province; SKIP_PROVINCE=1 skips
# it) and measures Tân Yên's set again (a body's pages do not slow as bodies are added), a generated commune's set
# on its open year, the province's page and Tân Yên reached through it (sonoivu), and the province's index of the
# 70 communes (its results, a card, the appraisal queue, a criterion's acts; 2025 published); then loads
# bench/large-data.sql (10 more cycles of 2 000 criteria) and measures the same set on the 2019 cycle.
# CPU ms/request is the app process's utime+stime (/proc/PID/stat) over the measured run divided by its requests:
# unlike req/s it hardly moves when other processes share the machine.
#   bench/pages.sh                              # DURATION=20s WARMUP=10s
#   DURATION=10s WARMUP=10s bench/pages.sh      # shorter
#   ONLY='api|static' bench/pages.sh            # only the names matching a regular expression (plus the static file)
#   SKIP_BUILD=1 SKIP_LARGE=1 bench/pages.sh
# Exits non-zero when a goal is missed or an address does not answer 200.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
ONLY=${ONLY:-.}
WARM_ROUNDS=${WARM_ROUNDS:-2}
WARM_EACH=${WARM_EACH:-4s}
MODE=measure
WORK=$(mktemp -d)
APP_PID=""
FAILED=0
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

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building the jar"
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/par-index-tracker-*.jar | grep -v original | head -n 1)

start_app() {
    # something else answering on the port would be measured instead of this jar
    if curl -s -o /dev/null "http://localhost:$PORT/" || (exec 3<>"/dev/tcp/localhost/$PGPORT") 2>/dev/null; then
        echo "port $PORT or $PGPORT is already in use (another app?): stop it or set PORT/PGPORT" >&2
        exit 1
    fi
    java -Xmx256m -jar "$JAR" --server.port="$PORT" --parindex.database.data-directory="$WORK/pg" \
        --parindex.database.port="$PGPORT" --logging.level.root=WARN ${APP_ARGS:-} > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "http://localhost:$PORT/login"; then return 0; fi
        sleep 0.5
    done
    echo "the app did not start; see the log:" >&2; tail -50 "$WORK/app.log" >&2; exit 1
}

# login USER: prints the session cookie header of a fresh form sign-in
login() {
    local jar="$WORK/cookies-$1" token session target
    for _ in 1 2 3 4 5; do
        rm -f "$jar"
        token=$(curl -fs -c "$jar" -b "$jar" "http://localhost:$PORT/login" \
            | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
        target=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$1" \
            --data-urlencode "password=demo" --data-urlencode "_csrf=$token" "http://localhost:$PORT/login")
        session=$(awk '$6 == "SESSION" {print $7}' "$jar")
        if [ -n "$session" ] && [[ "$target" != */login* ]]; then
            echo "Cookie: SESSION=$session"
            return 0
        fi
        echo "login as $1 sent to $target, trying again" >&2
        sleep 2
    done
    echo "login as $1 failed" >&2
    exit 1
}

cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$APP_PID/stat"
}

# p99 as printed by wrk (812.00us, 12.34ms, 1.02s) in milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
        printf "%.2f", n }'
}

STATIC_RPS=0
# measure KIND NAME PATH [HEADER]: KIND is static, page, api or dashboard (which goal applies)
measure() {
    local kind=$1 name=$2 path=$3 header=${4:-}
    [ "$kind" = static ] || [[ "$name" =~ $ONLY ]] || return 0
    if [ "$MODE" = warm ]; then
        wrk -t2 -c16 -d"$WARM_EACH" ${header:+-H "$header"} "http://localhost:$PORT$path" > /dev/null
        return 0
    fi
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "http://localhost:$PORT$path")
    if [ "$code" != 200 ]; then
        printf '%-28s %s answered %s, not 200: not measured  FAIL\n' "$name" "$path" "$code"
        FAILED=$((FAILED + 1))
        return 0
    fi
    wrk -t2 -c16 -d"$WARMUP" ${header:+-H "$header"} "http://localhost:$PORT$path" > /dev/null
    local out="$WORK/wrk-$name.txt" before after
    before=$(cpu_ticks)
    wrk -t2 -c16 -d"$DURATION" --latency ${header:+-H "$header"} "http://localhost:$PORT$path" > "$out"
    after=$(cpu_ticks)
    local rps p99 p99ms requests non2xx errors cpu ratio goal verdict
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    p99ms=$(to_ms "$p99")
    requests=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$out")
    errors=$(awk '/Socket errors/ {print $0}' "$out")
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "n/a" }')
    if [ "$kind" = static ]; then
        STATIC_RPS=$rps
    fi
    ratio=$(awk -v a="$rps" -v b="$STATIC_RPS" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "0" }')
    case $kind in
        static) goal=0 ;;
        page) goal=0.25 ;;
        api) goal=0.4 ;;
        dashboard) goal=0.5 ;;
    esac
    verdict=PASS
    if awk -v r="$ratio" -v g="$goal" -v p="$p99ms" 'BEGIN { exit !(r < g || p >= 50) }' \
            || [ -n "$non2xx" ] || [ -n "$errors" ]; then
        verdict=FAIL
        FAILED=$((FAILED + 1))
    fi
    printf '%-28s %9s req/s  p99 %8s ms  %5sx static (goal %4s)  %7s cpu-ms/req  %s%s%s\n' "$name" "$rps" \
        "$p99ms" "$ratio" "$goal" "$cpu" "$verdict" "${non2xx:+  non-2xx: $non2xx}" "${errors:+  $errors}"
}

# warm_then_run_set YEAR SUFFIX: the JIT warm-up over every address, then the measured set
warm_then_run_set() {
    MODE=warm
    for _ in $(seq 1 "$WARM_ROUNDS"); do
        run_set "$@"
    done
    MODE=measure
    run_set "$@"
}

# run_set YEAR SUFFIX: every page and read API endpoint of one cycle
run_set() {
    local y=$1 s=$2 q=""
    [ "$y" = 2023 ] || q="?year=$y"
    measure static "static_file$s" /assets/css/app.css
    measure page "login$s" /login
    measure dashboard "dashboard_leader$s" "/$q" "$LEADER"
    measure dashboard "dashboard_unit_head$s" "/$q" "$UNIT_HEAD"
    measure page "criterion_leader$s" "/cycles/$y/criteria/2.2" "$LEADER"
    measure page "criterion_unit_head$s" "/cycles/$y/criteria/2.2" "$UNIT_HEAD"
    measure page "domain$s" "/cycles/$y/criteria/3" "$LEADER"
    measure page "points$s" "/cycles/$y/points" "$LEADER"
    measure page "ranking$s" "/cycles/$y/ranking" "$LEADER"
    measure page "units$s" "/units$q" "$LEADER"
    measure page "unit_page$s" "/units/TUPHAP$q" "$UNIT_HEAD"
    measure page "assignments$s" /assignments "$UNIT_HEAD"
    measure page "review$s" /review "$ADMIN"
    measure page "appendix$s" "/cycles/$y/appendix" "$LEADER"
    measure page "domain_rows$s" "/cycles/$y/domains/3/rows" "$LEADER"
    measure api "api_cycles$s" /api/v1/cycles "$BASIC"
    measure api "api_summary$s" "/api/v1/cycles/$y/summary" "$BASIC"
    measure api "api_criteria$s" "/api/v1/cycles/$y/criteria" "$BASIC"
    measure api "api_dashboard$s" "/api/v1/cycles/$y/dashboard" "$BASIC"
    measure api "api_assessments$s" "/api/v1/cycles/$y/criteria/2.2/assessments" "$BASIC"
    measure api "api_evidence$s" "/api/v1/cycles/$y/criteria/2.2/evidence" "$BASIC"
    measure api "api_history$s" "/api/v1/cycles/$y/criteria/2.2/history" "$BASIC"
    # the year's work (issue 10): tasks, report periods, a period's report, to-do lists
    measure page "tasks$s" "/cycles/$y/tasks" "$LEADER"
    measure page "tasks_unit$s" "/cycles/$y/tasks?unit=TUPHAP" "$UNIT_HEAD"
    measure page "reports$s" "/cycles/$y/reports" "$ADMIN"
    measure page "report_period$s" "/cycles/$y/reports/$y-Q1" "$ADMIN"
    measure page "todo_unit$s" /todo "$UNIT_HEAD"
    measure page "todo_district$s" /todo "$ADMIN"
    measure api "api_tasks$s" "/api/v1/cycles/$y/tasks" "$BASIC"
    measure api "api_report$s" "/api/v1/cycles/$y/reports/$y-Q1" "$BASIC"
    measure api "api_todo$s" /api/v1/todo "$BASIC"
    # the cycle's life (issue 11): reconciliation, the dossier, the cycles and imports pages, the exports
    measure page "reconciliation$s" "/cycles/$y/reconciliation" "$ADMIN"
    measure page "dossier$s" "/cycles/$y/dossier" "$LEADER"
    measure page "dossier_domain$s" "/cycles/$y/dossier?domain=2" "$LEADER"
    measure page "criterion_dossier$s" "/cycles/$y/criteria/2.2/dossier" "$UNIT_HEAD"
    measure page "cycles_admin$s" /admin/cycles "$ADMIN"
    measure api "api_reconciliation$s" "/api/v1/cycles/$y/reconciliation" "$BASIC"
    measure api "api_appendix_xlsx$s" "/api/v1/cycles/$y/appendix.xlsx" "$BASIC"
}

echo "== Tân Yên plan (48 nodes), -Xmx256m, wrk -t2 -c16 -d$DURATION after a $WARMUP warm-up (and $WARM_ROUNDS rounds of $WARM_EACH over every address), $(nproc) cores"
start_app
LEADER=$(login lanhdao)
UNIT_HEAD=$(login tuphap)
ADMIN=$(login noivu)
BASIC="Authorization: Basic $(printf 'lanhdao:demo' | base64)"
warm_then_run_set 2023 ""

# owner_sql FILE|-c SQL: as the owner, with the password the app generated beside the data directory
owner_sql() {
    PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$WORK/database.properties") \
        psql -q -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

if [ "${SKIP_PROVINCE:-0}" != 1 ]; then
    echo "== a province (bench/province-data.sql): 120 more bodies (70 communes, 30 wards, 20 departments), 5 years of 40 criteria each"
    owner_sql -f bench/province-data.sql
    owner_sql -c 'vacuum analyze'
    # Tân Yên's people on the same addresses as the first set: a body's pages do not slow as bodies are added
    warm_then_run_set 2023 _121_bodies
    # a generated commune's people on its open year (2026)
    TY_LEADER=$LEADER; TY_UNIT_HEAD=$UNIT_HEAD; TY_ADMIN=$ADMIN; TY_BASIC=$BASIC
    LEADER=$(login bench_lanhdao)
    UNIT_HEAD=$(login bench_tuphap)
    ADMIN=$(login bench_noivu)
    BASIC="Authorization: Basic $(printf 'bench_lanhdao:demo' | base64)"
    warm_then_run_set 2026 _commune
    # the province's Home Affairs: the list of bodies, and Tân Yên's pages reached through it
    PROVINCE=$(login sonoivu)
    PROVINCE_BASIC="Authorization: Basic $(printf 'sonoivu:demo' | base64)"
    # the province's index of the communes (issue 25): the year's results, a commune's card, the appraisal queue,
    # a criterion's acts, the results' JSON; and the commune's own card and ranking (its peers' published indexes)
    INDEX=/province/indexes/2026/COMMUNE
    index_set() {
        measure page province /province "$PROVINCE"
        measure page index_results "$INDEX" "$PROVINCE"
        measure page index_card "$INDEX/bodies/BENCH_B002" "$PROVINCE"
        measure page index_queue "$INDEX/queue" "$PROVINCE"
        measure page index_criterion "$INDEX/bodies/BENCH_B002/criteria/1.2" "$PROVINCE"
        measure api api_index_results "/api/v1/indexes/2026/COMMUNE/results" "$PROVINCE_BASIC"
        measure page index_own_card /cycles/2026/index "$LEADER"
        measure page ranking_published /cycles/2026/ranking "$LEADER"
    }
    MODE=warm
    for _ in $(seq 1 "$WARM_ROUNDS"); do index_set; done
    MODE=measure
    index_set
    measure api api_bodies /api/v1/bodies "$PROVINCE_BASIC"
    curl -fs -o /dev/null -H "$PROVINCE" "http://localhost:$PORT/?body=TAN_YEN"
    measure dashboard dashboard_province_tan_yen / "$PROVINCE"
    measure page todo_province_tan_yen /todo "$PROVINCE"
    measure api api_dashboard_province "/api/v1/cycles/2023/dashboard?body=TAN_YEN" "$PROVINCE_BASIC"
    LEADER=$TY_LEADER; UNIT_HEAD=$TY_UNIT_HEAD; ADMIN=$TY_ADMIN; BASIC=$TY_BASIC
fi

if [ "${SKIP_LARGE:-0}" != 1 ]; then
    echo "== large data set (bench/large-data.sql): 10 more cycles, 200 units, 2 000 criteria per cycle; cycle 2019"
    owner_sql -f bench/large-data.sql
    # as a database in use would be: statistics current, no autovacuum of the fresh rows during the measurement
    owner_sql -c 'vacuum analyze'
    warm_then_run_set 2019 _large
fi

if [ "$FAILED" -gt 0 ]; then
    echo "== $FAILED address(es) FAIL the goals"
    exit 1
fi
echo "== every address meets the goals"
