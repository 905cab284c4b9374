#!/usr/bin/env bash
# Value-run benchmark (docs/PERFORMANCE.md, issue 3): the whole `chaincrm analyze value`
# (load, summarise, BG/NBD + Pareto/NBD + Gamma-Gamma fits, scoring, persistence of one score
# row per customer) on generated data sets, on SQLite and PostgreSQL, with the run's own
# phase timings and the process's peak memory (/usr/bin/time -v).
#
#   bench/value_run.sh                              # SQLite
#   scripts/with-postgres.sh bench/value_run.sh     # SQLite, then PostgreSQL
#
# Settings (environment):
#   SIZES="100000:10 1000000:10"   customers:purchases-per-customer (average) data sets
#   BACKENDS="sqlite postgres"     postgres only under scripts/with-postgres.sh
#   BUILD_DIR=build/h1rel          where chaincrm and bench/bench_generate are (release)
#   CHAINCRM=… GENERATE=…          or the two binaries themselves
#   RUNS=1                         measured runs per data set (the first is reported too)
#   AS_OF=2026-11-24               --as-of of the run (fixed so runs are comparable)
# Data sets are generated once by `bench_generate --mode value` (a Pareto/NBD ledger with churn
# and Gamma-Gamma spend, written in bulk, ending the day before AS_OF; SQLite:
# bench/out/value-<customers>-<purchases>.db; PostgreSQL: database
# bench_value_<customers>_<purchases> in the throw-away cluster) and reused. Results: a markdown table on
# stdout and in bench/out/value-results-<backend>.md; raw JSON of each run in bench/out/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build/h1rel}
SIZES=${SIZES:-100000:10 1000000:10}
BACKENDS=${BACKENDS:-sqlite postgres}
RUNS=${RUNS:-1}
AS_OF=${AS_OF:-2026-11-24}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
CHAINCRM=${CHAINCRM:-$BUILD_DIR/chaincrm}
GENERATE=${GENERATE:-$BUILD_DIR/bench/bench_generate}

log() { echo "value_run.sh: $*" >&2; }

for tool in jq /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    log "$tool is missing (scripts/install-deps.sh installs it)"
    exit 1
  }
done
[[ -x $CHAINCRM && -x $GENERATE ]] || {
  log "$CHAINCRM or $GENERATE is missing: cmake --build $BUILD_DIR --target chaincrm bench_generate"
  exit 1
}

# Prints the database URL of a data set; generates it unless it is already there.
prepare() {
  local backend=$1 customers=$2 purchases=$3
  if [[ $backend == sqlite ]]; then
    local db=$OUT/value-$customers-$purchases.db
    if [[ ! -f $db.generated ]]; then
      rm -f "$db" "$db-wal" "$db-shm"
      log "generating $customers customers x $purchases purchases into $db"
      "$GENERATE" --mode value --db "sqlite:$db" --customers "$customers" \
        --purchases "$purchases" --end "$AS_OF" 2> >(tee "$OUT/value-generate-sqlite-$customers.err" >&2) \
        | tee "$db.generated" >&2
    fi
    echo "sqlite:$db"
  else
    local admin=$CHAINCRM_TEST_PG_ADMIN_URL name=bench_value_${customers}_$purchases
    local url=${admin%/*}/$name
    if ! psql "$admin" -XtAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
      psql "$admin" -Xqc "CREATE DATABASE $name" >/dev/null
      log "generating $customers customers x $purchases purchases into $url"
      "$GENERATE" --mode value --db "$url" --customers "$customers" \
        --purchases "$purchases" --end "$AS_OF" 2> >(tee "$OUT/value-generate-postgres-$customers.err" >&2) >&2
    fi
    echo "$url"
  fi
}

# One measured run: prints the run's phase timings, the process's peak RSS (MB), wall time,
# CPU time (user + sys, s), the input counts, the fit diagnostics and the 1-minute load
# average at the end of the run.
run_once() {
  local url=$1 tag=$2
  /usr/bin/time -v -o "$OUT/value-$tag.time" "$CHAINCRM" analyze value --db "$url" \
    --as-of "$AS_OF" --json >"$OUT/value-$tag.json" 2>"$OUT/value-$tag.err"
  local loadavg rss_kb wall cpu
  loadavg=$(cut -d' ' -f1 /proc/loadavg)
  rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$OUT/value-$tag.time")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$OUT/value-$tag.time")
  cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$OUT/value-$tag.time")
  jq -r --arg rss "$rss_kb" --arg wall "$wall" --arg cpu "$cpu" --arg la "$loadavg" '.timings as $t |
    [$t.load_seconds, $t.summarise_seconds, $t.fit_seconds.bgnbd, $t.fit_seconds.paretonbd,
     $t.fit_seconds.gamma_gamma, $t.score_seconds, $t.write_seconds, $t.total_seconds,
     ($rss | tonumber / 1024 | floor), $wall, $cpu, .inputs.transactions, .counts.customers,
     .fit_diagnostics.bgnbd.groups, .fit_diagnostics.paretonbd.evaluations, $la] | @tsv' \
    "$OUT/value-$tag.json"
}

for backend in $BACKENDS; do
  if [[ $backend == postgres && -z ${CHAINCRM_TEST_PG_ADMIN_URL:-} ]]; then
    log "skipping PostgreSQL (run under scripts/with-postgres.sh to include it)"
    continue
  fi
  table=$OUT/value-results-$backend.md
  {
    echo "| backend | customers | purchases | load s | summarise s | fit BG/NBD s | fit Pareto/NBD s | fit Gamma-Gamma s | score s | write s | run total s | process wall | CPU user+sys s | peak RSS MB | BG/NBD groups | Pareto/NBD evals | load avg (start/end) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  } >"$table"
  for size in $SIZES; do
    customers=${size%%:*} purchases=${size##*:}
    url=$(prepare "$backend" "$customers" "$purchases")
    for ((i = 1; i <= RUNS; ++i)); do
      la0=$(cut -d' ' -f1 /proc/loadavg)
      log "$backend $customers customers: run $i (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      read -r load summ fb fp fg score write total rss wall cpu tx cust groups evals la1 \
        < <(run_once "$url" "$backend-$customers-$i")
      echo "| $backend | $cust | $tx | $load | $summ | $fb | $fp | $fg | $score | $write | $total | $wall | $cpu | $rss | $groups | $evals | $la0 / $la1 |" >>"$table"
    done
  done
  cat "$table"
done
