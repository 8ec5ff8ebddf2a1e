#!/usr/bin/env bash
# Runs the compiled test suite a second time against a real PostgreSQL server: a throwaway cluster on
# loopback, created and removed by this script. Installs Debian's postgresql when missing.
# Usage: scripts/test-postgres.sh [extra Maven arguments, e.g. -Dtest=JudgingServiceTests]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh

# Durability is not under test here: a faster cluster.
start_throwaway_postgres "${VERDICT_TEST_PG_PORT:-55432}" verdict_test -c fsync=off -c full_page_writes=off
echo "Running the tests again on it"

mvn -B -q surefire:test \
  -Dverdict.test.datasource.url="$PG_URL" \
  -Dverdict.test.datasource.username="$PG_USER" "$@"
