#!/usr/bin/env bash
# Crash test of the screening scan path (docs/screening-scans.md): under load from devices that resend unanswered
# scans, kill -9 the application (`app`) or the PostgreSQL postmaster (`postgres`), start again, and check that
# every acknowledged check-in is in the database exactly once. The last line of each run reads
#   kill=<app|postgres> acknowledged=<n> errors_while_down=<n> lost=<n> duplicated=<n>
# and the script fails unless lost=0 and duplicated=0.
#
# Usage: scripts/screening-reliability.sh [app|postgres|both] [extra --name=value options]
#   options (ScreeningReliabilityRun): --data-dir (/tmp/scan-reliability), --port (18202), --residents (20000),
#   --devices (32), --seconds (60), --kill-after (20)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
which="${1:-both}"
shift || true
./mvnw -q test-compile
run() {
  local kill="$1"
  shift
  ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.haolin.bench.ScreeningReliabilityRun \
    -Dexec.args="--kill=$kill --data-dir=/tmp/scan-reliability $*"
}
case "$which" in
  app|postgres) run "$which" "$@" ;;
  both) run app "$@" && run postgres "$@" ;;
  *) echo "usage: $0 [app|postgres|both] [--name=value ...]" >&2; exit 2 ;;
esac
