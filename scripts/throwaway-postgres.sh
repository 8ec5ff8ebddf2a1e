# Sourced by scripts/test-postgres.sh and scripts/bench-postgres.sh: a throwaway PostgreSQL cluster on loopback,
# created in a temporary directory and removed when the sourcing script exits. Installs Debian's postgresql when
# missing.
# Usage: start_throwaway_postgres PORT DATABASE [server options, e.g. -c fsync=off]
# Sets PG_URL (JDBC) and PG_USER; the user needs no password.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_throwaway_postgres() {
  local port=$1 database=$2
  shift 2
  if [ -z "$(pg_bin)" ]; then
    echo "Installing PostgreSQL (Debian package postgresql)..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/verdict-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
  trap 'run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
  # The C collation whatever the machine's locale: text sorts as on H2 (by code point), as the tests expect.
  run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U verdict --auth=trust -E UTF8 --locale=C >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -h 127.0.0.1 -k $PG_DIR $*" start >/dev/null
  run_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U verdict "$database"
  PG_URL="jdbc:postgresql://127.0.0.1:$port/$database"
  PG_USER=verdict
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($*)"
}
