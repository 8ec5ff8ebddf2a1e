#!/usr/bin/env bash
# Runs LoadBenchmark with the app on PostgreSQL instead of H2: a throwaway cluster on loopback, on the same
# machine (its server shares the cores with the app), with PostgreSQL's durable defaults: a judgment's commit is
# flushed to disk (fsync) before the judge hears "saved", more than H2's WRITE_DELAY=0 does (it hands the commit
# to the operating system, which survives the app's crash but not the machine's). Seeds it anew every run.
# Usage: scripts/bench-postgres.sh [extra Maven arguments, e.g. -Dbench.seconds=20 -Dbench.steady-phases=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh

start_throwaway_postgres "${VERDICT_BENCH_PG_PORT:-55433}" verdict_bench \
  -c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=15min

mvn -B -Pbench test -Dtest=LoadBenchmark \
  -Dbench.postgres-url="$PG_URL?reWriteBatchedInserts=true" -Dbench.postgres-user="$PG_USER" "$@"
