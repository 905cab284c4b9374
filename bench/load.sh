#!/usr/bin/env bash
# Load benchmark (docs/PERFORMANCE.md): lookup-by-phone and customer-360 latency and
# throughput under concurrent keep-alive connections, with GET /healthz as a same-run
# baseline.
#
#   bench/load.sh                              # SQLite
#   scripts/with-postgres.sh bench/load.sh     # SQLite, then PostgreSQL
#
# Generates the data set once per backend (SQLite: kept in bench/out/ and reused; the
# throw-away PostgreSQL cluster: database bench_load, reused while the cluster lives),
# starts build/release/chaincrm on a free port, logs in as an admin and runs wrk.
# Results: a markdown table on stdout and in bench/out/results-<backend>.md.
#
# Settings (environment):
#   CUSTOMERS=100000 INTERACTIONS=10 PURCHASES=10   data set (per-customer averages)
#   DURATION=30s CONNECTIONS=64 WRK_THREADS=2       wrk
#   WARMUP=5s                                       unmeasured wrk run before each endpoint
#   SERVER_THREADS=0                                chaincrm serve --threads (0: its default)
#   BACKENDS="sqlite postgres"                      which backends to run (postgres only
#                                                   when CHAINCRM_TEST_PG_ADMIN_URL is set)
#   BUILD_DIR=build/release                         where chaincrm and bench/bench_generate are
#   CHAINCRM=… GENERATE=…                           or the two binaries themselves
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build/release}
CUSTOMERS=${CUSTOMERS:-100000}
INTERACTIONS=${INTERACTIONS:-10}
PURCHASES=${PURCHASES:-10}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
WARMUP=${WARMUP:-5s}
SERVER_THREADS=${SERVER_THREADS:-0}
BACKENDS=${BACKENDS:-sqlite postgres}
OUT=$ROOT/bench/out
mkdir -p "$OUT"

CHAINCRM=${CHAINCRM:-$BUILD_DIR/chaincrm}
GENERATE=${GENERATE:-$BUILD_DIR/bench/bench_generate}
BENCH_EMAIL=bench-admin@bench.chaincrm.test
BENCH_PASSWORD=bench-password-1

log() { echo "load.sh: $*" >&2; }

for tool in wrk curl jq python3; do
  command -v "$tool" >/dev/null || {
    log "$tool is missing (scripts/install-deps.sh installs it)"
    exit 1
  }
done

# --- build -----------------------------------------------------------------------------
if [[ ! -x $CHAINCRM || ! -x $GENERATE ]]; then
  if [[ $BUILD_DIR != build/release || $CHAINCRM != $BUILD_DIR/chaincrm ]]; then
    log "$CHAINCRM or $GENERATE is missing"
    exit 1
  fi
  log "building the release binaries"
  cmake --preset release >/dev/null
  cmake --build --preset release -j "${BUILD_JOBS:-2}" --target chaincrm bench_generate
fi

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

server_pid=
stop_server() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

# --- data sets -------------------------------------------------------------------------
# Prints the database URL; generates the data set unless it is already there.
prepare_sqlite() {
  local db=$OUT/sqlite-$CUSTOMERS.db
  local done_file=$OUT/sqlite-$CUSTOMERS.generated
  if [[ -f $db && -f $done_file ]]; then
    log "reusing $db ($(cat "$done_file"))"
  else
    rm -f "$db" "$db-wal" "$db-shm" "$done_file"
    log "generating the SQLite data set into $db"
    "$GENERATE" --db "sqlite:$db" --customers "$CUSTOMERS" --interactions "$INTERACTIONS" \
      --purchases "$PURCHASES" | tee "$OUT/generate-sqlite.txt" >&2
    head -n 1 "$OUT/generate-sqlite.txt" >"$done_file"
  fi
  echo "sqlite:$db"
}

prepare_postgres() {
  local admin=$CHAINCRM_TEST_PG_ADMIN_URL
  local url=${admin%/*}/bench_load
  local have=0
  if psql "$admin" -XtAc "SELECT 1 FROM pg_database WHERE datname = 'bench_load'" | grep -q 1; then
    have=$(psql "$url" -XtAc "SELECT COUNT(*) FROM customers" 2>/dev/null || echo 0)
  fi
  if [[ $have == "$CUSTOMERS" ]]; then
    log "reusing database bench_load ($have customers)"
  else
    psql "$admin" -Xqc "DROP DATABASE IF EXISTS bench_load" >/dev/null
    psql "$admin" -Xqc "CREATE DATABASE bench_load" >/dev/null
    log "generating the PostgreSQL data set into $url"
    "$GENERATE" --db "$url" --customers "$CUSTOMERS" --interactions "$INTERACTIONS" \
      --purchases "$PURCHASES" | tee "$OUT/generate-postgres.txt" >&2
  fi
  echo "$url"
}

# --- wrk -------------------------------------------------------------------------------
# Converts a wrk latency ("812.00us", "1.23ms", "1.02s") to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000;
    else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}

# run_wrk NAME PATH [SCRIPT]: writes $OUT/wrk-<backend>-NAME.txt, sets RPS P50 P99 ERRS.
run_wrk() {
  local name=$1 path=$2 script=${3:-}
  local args=(-t "$WRK_THREADS" -c "$CONNECTIONS" --latency)
  [[ -n $script ]] && args+=(-s "$script")
  if [[ $WARMUP != 0 && $WARMUP != 0s ]]; then
    wrk "${args[@]}" -d "$WARMUP" "$BASE$path" >/dev/null
  fi
  local file=$OUT/wrk-$backend-$name.txt
  wrk "${args[@]}" -d "$DURATION" "$BASE$path" | tee "$file" >&2
  RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
  P50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  P99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  ERRS=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' \
    "$file")
}

# --- one backend -----------------------------------------------------------------------
run_backend() {
  backend=$1
  local url
  url=$(prepare_"$backend")

  if ! "$CHAINCRM" user add --db "$url" --email "$BENCH_EMAIL" --password "$BENCH_PASSWORD" \
    --role admin --name "Bench admin" >/dev/null 2>"$OUT/user-add.err"; then
    grep -qi "exist" "$OUT/user-add.err" || {
      cat "$OUT/user-add.err" >&2
      exit 1
    }
  fi

  local port
  port=$(free_port)
  BASE=http://127.0.0.1:$port
  local serve=("$CHAINCRM" serve --db "$url" --port "$port")
  [[ $SERVER_THREADS != 0 ]] && serve+=(--threads "$SERVER_THREADS")
  "${serve[@]}" >"$OUT/server-$backend.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || {
      log "the server exited; its log:"
      cat "$OUT/server-$backend.log" >&2
      exit 1
    }
    sleep 0.2
  done

  local token
  token=$(curl -fsS -X POST "$BASE/api/v1/sessions" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | jq -r .token)
  export BENCH_TOKEN=$token BENCH_CUSTOMERS=$CUSTOMERS
  read -r BENCH_MIN_ID BENCH_MAX_ID < <(
    if [[ $backend == sqlite ]]; then
      python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(*c.execute("SELECT MIN(id), MAX(id) FROM customers").fetchone())' \
        "${url#sqlite:}"
    else
      psql "$url" -XtAF ' ' -c "SELECT MIN(id), MAX(id) FROM customers"
    fi
  )
  export BENCH_MIN_ID BENCH_MAX_ID

  # Sanity: the lookup finds the customer by a phone typed with spaces; the 360 answers.
  local probe=$((CUSTOMERS / 2))
  local q
  q=$(printf '%%2B86%%20139%%20%04d%%20%04d' $((probe / 10000 % 10000)) $((probe % 10000)))
  local hits
  hits=$(curl -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/lookup?q=$q" |
    jq '[.data[] | select(.matched_by == "phone")] | length')
  if [[ $hits != 1 ]]; then
    log "lookup of customer $probe's phone returned $hits phone matches, not 1"
    exit 1
  fi
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$BASE/api/v1/customers/$BENCH_MIN_ID/360"

  local rows=()
  run_wrk healthz /healthz
  local base_rps=$RPS
  rows+=("| $backend | GET /healthz (baseline) | $RPS | $P50 | $P99 | 1.00 | $ERRS |")
  run_wrk lookup /api/v1/lookup "$ROOT/bench/lookup.lua"
  rows+=("| $backend | GET /api/v1/lookup?q=phone | $RPS | $P50 | $P99 | $(awk -v a="$RPS" -v b="$base_rps" 'BEGIN {printf "%.2f", a / b}') | $ERRS |")
  run_wrk c360 /api/v1/customers "$ROOT/bench/c360.lua"
  rows+=("| $backend | GET /api/v1/customers/{id}/360 | $RPS | $P50 | $P99 | $(awk -v a="$RPS" -v b="$base_rps" 'BEGIN {printf "%.2f", a / b}') | $ERRS |")
  stop_server

  {
    echo "| backend | request | req/s | p50 ms | p99 ms | req/s ÷ baseline | errors (non-2xx, socket) |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
  } >"$OUT/results-$backend.md"
  TABLE+=("${rows[@]}")
}

TABLE=()
for b in $BACKENDS; do
  if [[ $b == postgres && -z ${CHAINCRM_TEST_PG_ADMIN_URL:-} ]]; then
    log "skipping PostgreSQL (run under scripts/with-postgres.sh to include it)"
    continue
  fi
  run_backend "$b"
done

echo
echo "$CUSTOMERS customers; wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency on $(nproc) cores"
echo
echo "| backend | request | req/s | p50 ms | p99 ms | req/s ÷ baseline | errors (non-2xx, socket) |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${TABLE[@]}"
