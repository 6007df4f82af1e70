#!/usr/bin/env bash
# Benchmark of the dashboard, one criterion page and the summary API against the small static file, on the Tân
# Yên plan and on the large data set: the same measurement as bench/pages.sh (which it runs), limited to those.
#   bench/dashboard.sh                         # both data sets
#   DURATION=5s WARMUP=5s bench/dashboard.sh   # shorter runs
exec env ONLY="${ONLY:-^(dashboard|criterion_leader|api_summary)}" "$(dirname "$0")/pages.sh" "$@"
