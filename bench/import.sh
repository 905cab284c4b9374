#!/usr/bin/env bash
# Import benchmark (docs/PERFORMANCE.md, "CSV import"): generates a customers CSV of
# ROWS lines and a purchases CSV of PURCHASES lines (for those customers, found by email),
# imports them with `chaincrm import customers|purchases --mapping`, and reports rows/s
# and peak RSS (from /usr/bin/time -v) against two references measured in the same run:
#   baseline: the sqlite3 CLI `.import` (SQLite) or `\copy` (PostgreSQL) of the same
#             file into a plain table with no index (the issue's baseline);
#   floor:    the same rows, tables and indexes the import writes, written by the
#             database itself from that staged table with INSERT ... SELECT
#             (bench/sql/floor-*.sql): what the schema costs with no client at all.
# Optional runs: a dry run and a re-import of the customers file (every line found by its
# key, nothing changed), and a streamed export.
#
#   bench/import.sh                              # SQLite
#   scripts/with-postgres.sh bench/import.sh     # SQLite, then PostgreSQL
#
# Settings (environment):
#   ROWS=1000000 PURCHASES=10000000 BATCH=20000 BUILD_DIR=build/release CHAINCRM=…
#   BACKENDS="sqlite postgres"   RUNS="dryrun skip export" (extra runs; default none)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-1000000}
PURCHASES=${PURCHASES:-10000000}
BATCH=${BATCH:-20000}
BUILD_DIR=${BUILD_DIR:-build/release}
CHAINCRM=${CHAINCRM:-$BUILD_DIR/chaincrm}
BACKENDS=${BACKENDS:-sqlite postgres}
RUNS=${RUNS:-}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
CSV=$OUT/customers-$ROWS.csv
PCSV=$OUT/purchases-$ROWS-$PURCHASES.csv
MAPPING=$OUT/customers-mapping.json
PMAPPING=$OUT/purchases-mapping.json
RESULTS=$OUT/results-import.md

if [[ ! -s $CSV ]]; then
  echo "generating $ROWS customers into $CSV" >&2
  python3 - "$ROWS" "$CSV" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
given = ["Ada", "Li", "Wei", "Maria", "Jonas", "Aiko", "Omar", "Chen", "Sofia", "Ravi"]
family = ["Lovelace", "Zhang", "Müller", "García", "Sato", "Haddad", "Okafor", "Rossi"]
cities = ["Hangzhou", "Lyon", "Porto", "Osaka", "Leeds", "Lagos", "Bergen", "Austin"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("Email,Full name,Born,City,Country,Phone,Tier\r\n")
    for i in range(rows):
        name = f"{rnd.choice(given)} {rnd.choice(family)}"
        d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1940, 2005)
        f.write(f"c{i}@bench.example,\"{name}\",{d:02d}/{m:02d}/{y},{rnd.choice(cities)},"
                f"{rnd.choice(['CN', 'FR', 'PT', 'JP', 'GB'])},+{rnd.randint(10**10, 10**11)},"
                f"{rnd.choice(['gold', 'silver', 'bronze'])}\r\n")
PY
fi
if [[ ! -s $PCSV ]]; then
  echo "generating $PURCHASES purchases into $PCSV" >&2
  python3 - "$ROWS" "$PURCHASES" "$PCSV" <<'PY'
import random, sys
customers, rows, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(11)
with open(path, "w", newline="") as f:
    f.write("Email,Date,Amount,SKU,Qty\r\n")
    out = []
    for i in range(rows):
        c = rnd.randrange(customers)
        out.append(f"c{c}@bench.example,{rnd.randint(2023, 2025)}-{rnd.randint(1, 12):02d}-"
                   f"{rnd.randint(1, 28):02d},{rnd.randint(100, 99999) / 100:.2f},"
                   f"SKU-{rnd.randrange(500)},{rnd.randint(1, 5)}\r\n")
        if len(out) == 100000:
            f.write("".join(out))
            out.clear()
    f.write("".join(out))
PY
fi
cat > "$MAPPING" <<'JSON'
{"columns": {"Email": "email",
             "Full name": {"field": "name", "transform": "trim"},
             "Born": {"field": "birth_date", "transform": "date:%d/%m/%Y"},
             "City": "address.city", "Country": {"field": "address.country", "transform": "upper"},
             "Phone": {"field": "phone", "transform": "phone"}, "Tier": "tags"},
 "constants": {"kind": "person", "roles": "end_customer"}}
JSON
cat > "$PMAPPING" <<'JSON'
{"columns": {"Email": "email", "Date": "occurred_at", "Amount": "revenue", "SKU": "sku",
             "Qty": "quantity"}}
JSON

# Runs "$@" under /usr/bin/time -v; prints "seconds peak_rss_mib cpu_seconds".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { tail -20 "$log" "$log.out" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + p[i]; t = s}
              /User time/ {u = $2} /System time/ {y = $2}
              /Maximum resident set size/ {r = $2 / 1024}
              END {printf "%.2f %.0f %.2f\n", t, r, u + y}' "$log"
  rm -f "$log" "$log.out"
}

row() {  # label lines seconds rss cpu
  local rate
  rate=$(awk -v n="$2" -v s="$3" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$BACKEND" "$1" "$2" "$3" "$rate" "$5" \
    "$4" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
}

# floor URL FILE LABEL LINES: times an SQL file, its :EPOCH_MS(x) made the backend's
# "date text to epoch ms" expression.
floor() {
  local epoch script=$OUT/floor.sql
  if [[ $BACKEND == sqlite ]]; then
    epoch='CAST(ROUND((julianday(\1) - 2440587.5) * 86400000) AS BIGINT)'
    sed -E "s/:EPOCH_MS\(([^)]*)\)/$epoch/g" "$2" >"$script"
    read -r s r c < <(measure sqlite3 -bail -cmd "PRAGMA cache_size=-65536" "${1#sqlite:}" ".read $script")
  else
    epoch='CAST(EXTRACT(EPOCH FROM CAST(\1 AS DATE)) * 1000 AS BIGINT)'
    sed -E "s/:EPOCH_MS\(([^)]*)\)/$epoch/g" "$2" >"$script"
    read -r s r c < <(measure psql -q -v ON_ERROR_STOP=1 "$1" -f "$script")
  fi
  row "$3" "$4" "$s" "$r" "$c"
}

# fresh NAME: prints the URL of a new, migrated database.
fresh() {
  local url
  if [[ $BACKEND == sqlite ]]; then
    rm -f "$OUT/$1.db" "$OUT/$1.db-wal" "$OUT/$1.db-shm"
    url=sqlite:$OUT/$1.db
  else
    psql -q "$ADMIN" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
    url=${ADMIN%/*}/$1
  fi
  "$CHAINCRM" migrate --db "$url" >/dev/null 2>&1
  echo "$url"
}

# stage URL: loads both CSV files into plain tables c and p (the baseline); prints the
# two measurements.
stage() {
  local c_ddl="CREATE TABLE c (email TEXT, name TEXT, born TEXT, city TEXT, country TEXT, phone TEXT, tier TEXT)"
  local p_ddl="CREATE TABLE p (email TEXT, day TEXT, amount TEXT, sku TEXT, qty TEXT)"
  if [[ $BACKEND == sqlite ]]; then
    local db=${1#sqlite:}
    sqlite3 "$db" "$c_ddl" "$p_ddl"
    read -r s r c < <(measure sqlite3 "$db" ".mode csv" ".import --skip 1 $CSV c")
    row "baseline: sqlite3 .import (customers)" "$ROWS" "$s" "$r" "$c"
    read -r s r c < <(measure sqlite3 "$db" ".mode csv" ".import --skip 1 $PCSV p")
    row "baseline: sqlite3 .import (purchases)" "$PURCHASES" "$s" "$r" "$c"
  else
    psql -q "$1" -c "$c_ddl" -c "$p_ddl"
    read -r s r c < <(measure psql -q "$1" -c "\\copy c FROM '$CSV' WITH (FORMAT csv, HEADER true)")
    row "baseline: COPY (customers)" "$ROWS" "$s" "$r" "$c"
    read -r s r c < <(measure psql -q "$1" -c "\\copy p FROM '$PCSV' WITH (FORMAT csv, HEADER true)")
    row "baseline: COPY (purchases)" "$PURCHASES" "$s" "$r" "$c"
  fi
}

echo "| backend | run | lines | wall s | lines/s | CPU s | peak RSS MiB | load |" | tee "$RESULTS"
echo "|---|---|---:|---:|---:|---:|---:|---:|" | tee -a "$RESULTS"
for BACKEND in $BACKENDS; do
  if [[ $BACKEND == postgres ]]; then
    [[ -n ${CHAINCRM_TEST_PG_ADMIN_URL:-} ]] || continue
    ADMIN=$CHAINCRM_TEST_PG_ADMIN_URL
  fi
  # The floor: baseline staging, then the schema written by the database itself.
  URL=$(fresh bench_import_floor)
  stage "$URL"
  floor "$URL" bench/sql/floor-customers.sql "floor: INSERT ... SELECT into the schema (customers)" "$ROWS"
  floor "$URL" bench/sql/floor-purchases.sql "floor: INSERT ... SELECT into the schema (purchases)" "$PURCHASES"

  URL=$(fresh bench_import)
  read -r s r c < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" \
    --mapping "$MAPPING" --batch "$BATCH")
  row "chaincrm import customers (all created)" "$ROWS" "$s" "$r" "$c"
  read -r s r c < <(measure "$CHAINCRM" import purchases "$PCSV" --db "$URL" \
    --mapping "$PMAPPING" --key email --batch "$BATCH")
  row "chaincrm import purchases (all posted)" "$PURCHASES" "$s" "$r" "$c"
  if [[ " $RUNS " == *" dryrun "* ]]; then
    read -r s r c < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" \
      --mapping "$MAPPING" --batch "$BATCH" --dry-run)
    row "chaincrm import customers --dry-run (all found)" "$ROWS" "$s" "$r" "$c"
  fi
  if [[ " $RUNS " == *" skip "* ]]; then
    read -r s r c < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" \
      --mapping "$MAPPING" --batch "$BATCH" --on-existing skip)
    row "chaincrm import customers again, --on-existing skip" "$ROWS" "$s" "$r" "$c"
  fi
  if [[ " $RUNS " == *" export "* ]]; then
    read -r s r c < <(measure sh -c "\"$CHAINCRM\" export customers --db \"$URL\" --format csv > /dev/null")
    row "chaincrm export customers --format csv" "$ROWS" "$s" "$r" "$c"
  fi
done
