#!/usr/bin/env bash
# The portal and API under load: the production set-up (granian, DEBUG off, 127.0.0.1 only) against SQLite and
# PostgreSQL, measured with wrk; nginx serving the same home page as a static file, for comparison; and nginx as a
# one-second micro-caching reverse proxy in front of granian. Loopback traffic only; every run is time-bounded.
#
#   bench/portal_wrk.sh [sqlite|postgres|all]      (default: all)
#
# Settings by environment: PYTHON (the virtualenv's python, default .venv/bin/python), WORKERS (web workers,
# default WARTA_WEB_WORKERS or nproc, as scripts/serve), CONNECTIONS (32), THREADS (2), DURATION (15s), ENTRIES
# (100000), DOCUMENTS (200000), PG_URL (postgres://postgres@127.0.0.1:5432/warta_bench), PORT (8765), NGINX_PORT
# (8766), PROXY_PORT (8767). The first run seeds each database (bench_seed) once. Results: bench/var/results.md (a
# Markdown table, then bench/page_costs.py's in-process costs, which say how fast the machine was at the time) and
# every wrk output under bench/var/wrk/. "CPU ms/req" is the web workers' CPU time over the timed run divided
# by the requests answered: what a page costs the server, which the machine's other load inflates far less than
# req/s. Behind the proxy, the last column counts the requests nginx itself spent 100 ms or more on (its own clock,
# no correction).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
WARTA=("$PYTHON" -m warta)  # the code of this checkout (cwd first on sys.path), whatever the venv has installed
OUT=$ROOT/bench/var
WORKERS=${WORKERS:-${WARTA_WEB_WORKERS:-$(nproc)}}  # as scripts/serve runs it
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15s}
ENTRIES=${ENTRIES:-100000}
DOCUMENTS=${DOCUMENTS:-200000}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/warta_bench}
PORT=${PORT:-8765}
NGINX_PORT=${NGINX_PORT:-8766}
PROXY_PORT=${PROXY_PORT:-8767}
TARGETS=${1:-all}
RESULTS=$OUT/results.md

export WARTA_SECRET_KEY=bench-only-not-a-secret WARTA_DEBUG=0 WARTA_ALLOWED_HOSTS=127.0.0.1,localhost \
  WARTA_SITE_URL=http://127.0.0.1:$PORT WARTA_LOG_LEVEL=WARNING WARTA_JOBS_IMMEDIATE=1 \
  WARTA_API_RATE_LIMIT=0  # wrk is one client hammering: the limiter would answer 429 after 120 requests

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
mkdir -p "$OUT/wrk" "$OUT/nginx/tmp" "$OUT/nginx/static"

SERVER_PID=""
NGINX_PIDS=()
SLOW_LOG=""  # while the proxy runs: nginx's log of requests it spent 100 ms or more on
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  for pid in "${NGINX_PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  return 0
}
trap cleanup EXIT INT TERM

use_database() {  # sqlite | postgres: point Warta at that bench database, migrate and seed it once
  local db=$1
  export WARTA_DATA_DIR=$OUT/$db
  if [ "$db" = postgres ]; then
    export DATABASE_URL=$PG_URL
    local name=${PG_URL##*/}
    psql "${PG_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
      || psql "${PG_URL%/*}/postgres" -qc "CREATE DATABASE $name"
  else
    unset DATABASE_URL
  fi
  "${WARTA[@]}" migrate --noinput -v0
  "${WARTA[@]}" collectstatic --noinput -v0
  if [ "$("${WARTA[@]}" shell -v 0 -c 'from warta.registry.models import PublicEntry; print(PublicEntry.objects.count())')" = 0 ]; then
    "${WARTA[@]}" bench_seed --entries "$ENTRIES" --documents "$DOCUMENTS"
  fi
  "${WARTA[@]}" shell -v 0 -c 'from warta.core.database import refresh_planner_statistics as r; r()'  # nightly job
  # What autovacuum would have done on a production server by now (the bench machine's PostgreSQL runs without it):
  # dead rows left by earlier runs or rebuilds would otherwise slow every index scan.
  [ "$db" = postgres ] && psql "$PG_URL" -qc "VACUUM ANALYZE"
  ENTRY_RANGE=$("${WARTA[@]}" shell -v 0 -c 'from django.db.models import Max, Min; from warta.registry.models import PublicEntry as P; a = P.objects.aggregate(lo=Min("entry_id"), hi=Max("entry_id")); print(a["lo"], a["hi"])')
  FIRST_ID=${ENTRY_RANGE% *}
  LAST_ID=${ENTRY_RANGE#* }
  MIDDLE_ID=$(( (FIRST_ID + LAST_ID) / 2 ))
  export FIRST_ID LAST_ID
}

start_server() {  # $1: seconds pages are kept (0: every request renders), $2: X-Accel-Expires (proxy set-up)
  local version_seconds=5
  [ "${2:-0}" -gt 0 ] && version_seconds=1  # as deploy/nginx/warta.conf asks: a publication shows within a second
  WARTA_PAGE_CACHE_SECONDS=$1 WARTA_PROXY_CACHE_SECONDS=${2:-0} WARTA_PUBLIC_VERSION_SECONDS=$version_seconds \
    "$(dirname "$PYTHON")/granian" --interface wsgi --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" \
    --blocking-threads 1 --runtime-mode st --no-ws --log-level warning warta.wsgi:application &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fso /dev/null "http://127.0.0.1:$PORT/" && return 0
    sleep 0.2
  done
  echo "granian did not answer on 127.0.0.1:$PORT" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

start_nginx() {  # $1: static | proxy
  local kind=$1 conf=$OUT/nginx/nginx-$1.conf port
  port=$([ "$kind" = static ] && echo "$NGINX_PORT" || echo "$PROXY_PORT")
  sed -e "s|@PREFIX@|$OUT/nginx|g" -e "s|@PORT@|$port|g" -e "s|@UPSTREAM@|$PORT|g" -e "s|@ROOT@|$ROOT|g" \
    "$ROOT/bench/nginx-$kind.conf.in" > "$conf"
  [ "$kind" = proxy ] && SLOW_LOG=$OUT/nginx/slow.log
  nginx -p "$OUT/nginx" -c "$conf" -g 'daemon off;' &
  NGINX_PIDS+=($!)
  sleep 0.5
}

stop_nginx() {
  for pid in "${NGINX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  NGINX_PIDS=()
  SLOW_LOG=""
}

slow_requests() {  # "count (slowest)" of the requests nginx spent 100 ms or more on, or "–" without the proxy
  [ -n "$SLOW_LOG" ] || { echo "–"; return; }
  awk '{ n++; if ($2 > max) max = $2 } END { if (n) printf "%d (%.2f s)", n, max; else print 0 }' "$SLOW_LOG"
}

worker_ticks() {  # CPU time (clock ticks) the web workers have used so far
  local total=0 pid
  for pid in $(pgrep -P "$SERVER_PID"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

measure() {  # $1 setup label, $2 page label, $3 URL, [$4 wrk script]
  local setup=$1 page=$2 url=$3 script=${4:-} status file
  status=$(curl -so /dev/null -w '%{http_code}' "$url")
  if [ "$status" != 200 ] && [ -z "$script" ]; then
    echo "| $setup | $page | skipped: HTTP $status | | | | | |" >> "$RESULTS"
    return
  fi
  file=$OUT/wrk/$(echo "$setup-$page" | tr ' /?=&' '_____').txt
  local args=(-t"$THREADS" -c"$CONNECTIONS" --timeout 10s --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" -d3s "$url" > /dev/null  # warm-up: every worker opens its connections, fills its cache
  local ticks_before ticks_after
  [ -n "$SLOW_LOG" ] && : > "$SLOW_LOG"  # nginx appends, so emptying it starts the count afresh
  ticks_before=$(worker_ticks)
  wrk "${args[@]}" -d"$DURATION" "$url" > "$file"
  ticks_after=$(worker_ticks)
  local rps p50 p99 errors requests cpu slow
  slow=$(slow_requests)
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$file")
  requests=$(awk '/requests in/ {print $1}' "$file")
  cpu=$(awk -v t=$(( ticks_after - ticks_before )) -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-" }')
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  errors=$(awk '/Non-2xx or 3xx/ {print $5}' "$file")
  echo "| $setup | $page | $rps | $p50 | $p99 | ${errors:-0} | $cpu | $slow |" >> "$RESULTS"
  echo "  $setup / $page: $rps req/s, p50 $p50, p99 $p99, workers' CPU $cpu ms/req, nginx ≥ 100 ms: $slow"
}

pages() {  # $1 setup label, $2 base URL
  local base=$2
  measure "$1" "home" "$base/"
  measure "$1" "DIP, kategori=berkala" "$base/dip/?kategori=berkala"
  measure "$1" "entry page (one id)" "$base/dip/$MIDDLE_ID/"
  measure "$1" "entry page (random ids)" "$base/" "$ROOT/bench/random_entry.lua"
  measure "$1" "search q=laporan keuangan" "$base/cari/?q=laporan+keuangan"
  measure "$1" "search, new words each request" "$base/" "$ROOT/bench/new_search.lua"
  measure "$1" "API list, category=berkala" "$base/api/v1/entries?category=berkala&limit=20"
}

{
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -h | awk '/Mem:/ {print $2}') RAM;"
  echo "$("$PYTHON" --version), $(psql --version 2>/dev/null | head -1), $(nginx -v 2>&1), wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency;"
  echo "granian $WORKERS workers, one request at a time each; $ENTRIES entries, $DOCUMENTS documents; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| set-up | page | req/s | p50 | p99 | non-2xx | workers' CPU ms/req | nginx: requests ≥ 100 ms (slowest) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
} >> "$RESULTS"

for db in sqlite postgres; do
  [ "$TARGETS" = all ] || [ "$TARGETS" = "$db" ] || continue
  echo "== $db"
  use_database "$db"
  "$PYTHON" bench/search_latency.py | tee "$OUT/search-$db.txt"
  "$PYTHON" bench/page_costs.py | tee "$OUT/costs-$db.txt"  # the machine's speed right now, one request at a time

  start_server 600
  pages "$db, pages kept in Django's cache" "http://127.0.0.1:$PORT"
  curl -s "http://127.0.0.1:$PORT/" > "$OUT/nginx/static/index.html"
  start_nginx static
  measure "$db, nginx static file (same home HTML)" "home" "http://127.0.0.1:$NGINX_PORT/"
  stop_nginx
  stop_server

  start_server 0
  pages "$db, nothing kept (every request renders)" "http://127.0.0.1:$PORT"
  stop_server

  start_server 600 1
  start_nginx proxy
  pages "$db, nginx micro-cache in front (deploy/nginx)" "http://127.0.0.1:$PROXY_PORT"
  stop_nginx
  stop_server
done
for db in sqlite postgres; do
  [ "$TARGETS" = all ] || [ "$TARGETS" = "$db" ] || continue
  { echo; echo "In-process, one request at a time, before the wrk runs (bench/page_costs.py):"; echo
    grep '^|' "$OUT/costs-$db.txt" | sed "1s/^| page /| $db: page /"; } >> "$RESULTS"
done
echo "Results appended to $RESULTS"
