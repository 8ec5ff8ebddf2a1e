#!/usr/bin/env bash
# Runs every test: unit and Spring tests (Surefire), then the real-browser tests (Failsafe), which need
# Debian's chromium and chromium-driver (installed first when missing); then the Spring tests again on a
# throwaway PostgreSQL server (scripts/test-postgres.sh, which installs Debian's postgresql when missing).
set -euo pipefail

cd "$(dirname "$0")/.."

install_browser() {
    local run_as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            run_as_root=(sudo)
        else
            echo "chromium and chromium-driver are missing and this user cannot install them (not root, no sudo)." >&2
            echo "Install them with: apt-get install chromium chromium-driver" >&2
            exit 1
        fi
    fi
    echo "Installing Debian's chromium and chromium-driver for the browser tests..."
    "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        chromium chromium-driver fonts-liberation
}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    install_browser
fi

mvn -B verify "$@"

# The same suite once more on a real PostgreSQL server, but for the tests that start apps of their own on H2.
scripts/test-postgres.sh \
    -Dtest='*Tests,!*BrowserTests,!StartupTests,!BackupTests,!CrashRecoveryTests,!TwoInstancesTests'

