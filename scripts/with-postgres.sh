#!/usr/bin/env bash
# Runs CMD ARGS... against a throw-away PostgreSQL 15 cluster:
#   scripts/with-postgres.sh build/dev/tests/unit_store
# The cluster lives in a fresh temporary directory, listens only on 127.0.0.1 at a free
# port, and is stopped and deleted when the command ends (whatever its status). The
# command sees CHAINCRM_TEST_PG_URL and CHAINCRM_TEST_PG_ADMIN_URL (superuser "postgres",
# trust authentication). Exits with the command's status.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$PG_BIN/initdb" ]]; then
  echo "with-postgres: no PostgreSQL 15 in $PG_BIN (run scripts/install-deps.sh)" >&2
  exit 1
fi

# As root the server must run as the postgres OS user; otherwise as ourselves.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chaincrm-pg.XXXXXX")
data="$tmp/data"
sock="$tmp/sock"
log="$tmp/server.log"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -f "$data/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m immediate -s stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$data" "$sock"
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres: "$tmp"
fi
chmod 700 "$tmp" "$data"

# C collation (stable sort order in tests) with a UTF-8 character classification where
# the system has one, so pg_trgm indexes CJK names as it would in production.
ctype=C
if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
  ctype=C.UTF-8
fi
if ! as_pg "$PG_BIN/initdb" -D "$data" -E UTF8 --locale=C --lc-ctype="$ctype" -A trust \
  -U postgres --no-sync >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2
  exit 1
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

# Another process may take the port between probing and binding: try a few.
started=0
for _ in 1 2 3 4 5; do
  port=$(free_port)
  if as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -s \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [[ $started -ne 1 ]]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$log" >&2 || true
  exit 1
fi

export CHAINCRM_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export CHAINCRM_TEST_PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL 15 at 127.0.0.1:$port (data in $data)" >&2

# The command runs as a waited-on child so that INT/TERM reach it at once (bash defers
# traps while a foreground child runs) and the cluster is still cleaned up afterwards.
"$@" <&0 &
child=$!
trap 'kill -INT "$child" 2>/dev/null; wait "$child"; exit 130' INT
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
set +e
wait "$child"
status=$?
set -e
exit "$status"
