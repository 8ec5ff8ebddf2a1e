#!/usr/bin/env bash
# Runs the compiled test suite a second time against a real PostgreSQL server: a throwaway cluster on
# loopback, created and removed by this script. Installs Debian's postgresql when missing.
# Usage: scripts/test-postgres.sh [extra Maven arguments, e.g. -Dtest=JudgingServiceTests]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "Installing PostgreSQL (Debian package postgresql)..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(pg_bin)
PORT=${VERDICT_TEST_PG_PORT:-55432}
DIR=$(mktemp -d /tmp/verdict-pg.XXXXXX)
# initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi

cleanup() { run_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

run_pg "$BIN/initdb" -D "$DIR/data" -U verdict --auth=trust -E UTF8 >/dev/null
run_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -h 127.0.0.1 -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null
run_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U verdict verdict_test
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT: running the tests again on it"

mvn -B -q surefire:test \
  -Dverdict.test.datasource.url="jdbc:postgresql://127.0.0.1:$PORT/verdict_test" \
  -Dverdict.test.datasource.username=verdict "$@"
