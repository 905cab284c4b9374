#!/usr/bin/env bash
# Import benchmark (docs/PERFORMANCE.md, "CSV import"): generates a customers CSV of
# ROWS lines, imports it with `chaincrm import customers` (key email), and reports rows/s
# and peak RSS (from /usr/bin/time -v), against a baseline in the same run: the sqlite3
# CLI `.import` of the same file into a plain table (SQLite) and `COPY` (PostgreSQL).
# A second run of the same file measures the update path (every line found by its key,
# nothing changed), and a streamed export of the result is timed too.
#
#   bench/import.sh                              # SQLite
#   scripts/with-postgres.sh bench/import.sh     # SQLite, then PostgreSQL
#
# Settings (environment):
#   ROWS=1000000  BATCH=1000  BUILD_DIR=build/release  CHAINCRM=…  BACKENDS="sqlite postgres"
#   RUNS="create dryrun skip export"   which chaincrm runs to time (create always runs)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-1000000}
BATCH=${BATCH:-1000}
BUILD_DIR=${BUILD_DIR:-build/release}
CHAINCRM=${CHAINCRM:-$BUILD_DIR/chaincrm}
BACKENDS=${BACKENDS:-sqlite postgres}
RUNS=${RUNS:-create dryrun skip export}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
CSV=$OUT/customers-$ROWS.csv
MAPPING=$OUT/customers-mapping.json
RESULTS=$OUT/results-import.md

if [[ ! -s $CSV ]]; then
  echo "generating $ROWS rows into $CSV" >&2
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
cat > "$MAPPING" <<'JSON'
{"columns": {"Email": "email",
             "Full name": {"field": "name", "transform": "trim"},
             "Born": {"field": "birth_date", "transform": "date:%d/%m/%Y"},
             "City": "address.city", "Country": {"field": "address.country", "transform": "upper"},
             "Phone": {"field": "phone", "transform": "phone"}, "Tier": "tags"},
 "constants": {"kind": "person", "roles": "end_customer"}}
JSON

# Runs "$@" under /usr/bin/time -v; prints "seconds peak_rss_mib".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { tail -20 "$log" "$log.out" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + p[i]; t = s}
              /Maximum resident set size/ {r = $2 / 1024}
              END {printf "%.2f %.0f\n", t, r}' "$log"
  rm -f "$log" "$log.out"
}

row() {  # label seconds rss
  local rate
  rate=$(awk -v n="$ROWS" -v s="$2" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')
  printf '| %s | %s | %s | %s | %s |\n' "$BACKEND" "$1" "$2" "$rate" "$3" | tee -a "$RESULTS"
}

echo "| backend | run | seconds | rows/s | peak RSS MiB |" | tee "$RESULTS"
echo "|---|---|---|---|---|" | tee -a "$RESULTS"
for BACKEND in $BACKENDS; do
  if [[ $BACKEND == sqlite ]]; then
    DB=$OUT/import-bench.db
    rm -f "$DB" "$DB-wal" "$DB-shm" "$OUT/baseline.db"
    URL=sqlite:$DB
    read -r s r < <(measure sqlite3 "$OUT/baseline.db" \
      "CREATE TABLE c (email TEXT, name TEXT, born TEXT, city TEXT, country TEXT, phone TEXT, tier TEXT);" \
      ".mode csv" ".import --skip 1 $CSV c")
    row "baseline: sqlite3 .import" "$s" "$r"
  else
    [[ -n ${CHAINCRM_TEST_PG_ADMIN_URL:-} ]] || continue
    ADMIN=$CHAINCRM_TEST_PG_ADMIN_URL
    psql -q "$ADMIN" -c "DROP DATABASE IF EXISTS bench_import" -c "CREATE DATABASE bench_import"
    URL=${ADMIN%/*}/bench_import
    psql -q "$URL" -c "CREATE TABLE c (email TEXT, name TEXT, born TEXT, city TEXT, country TEXT, phone TEXT, tier TEXT)"
    read -r s r < <(measure psql -q "$URL" -c "\\copy c FROM '$CSV' WITH (FORMAT csv, HEADER true)")
    row "baseline: COPY" "$s" "$r"
  fi
  "$CHAINCRM" migrate --db "$URL" >/dev/null 2>&1
  read -r s r < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" --mapping "$MAPPING" \
    --batch "$BATCH")
  row "chaincrm import (create)" "$s" "$r"
  if [[ " $RUNS " == *" dryrun "* ]]; then
    read -r s r < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" --mapping "$MAPPING" \
      --batch "$BATCH" --dry-run)
    row "chaincrm import --dry-run (all found)" "$s" "$r"
  fi
  if [[ " $RUNS " == *" skip "* ]]; then
    read -r s r < <(measure "$CHAINCRM" import customers "$CSV" --db "$URL" --mapping "$MAPPING" \
      --batch "$BATCH" --on-existing skip)
    row "chaincrm import again, --on-existing skip" "$s" "$r"
  fi
  if [[ " $RUNS " == *" export "* ]]; then
    read -r s r < <(measure sh -c "\"$CHAINCRM\" export customers --db \"$URL\" --format csv > /dev/null")
    row "chaincrm export customers --format csv" "$s" "$r"
  fi
done
