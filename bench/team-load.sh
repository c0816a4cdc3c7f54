#!/usr/bin/env bash
# Several analysts at once on one PostgreSQL team vault (issue 21): ANALYSTS processes, each OPS
# mixed operations (imports, opens, case edits, exports; org.gawah.team.AnalystWorkload), all at
# once through analysts' accounts; then verify --vault in every home, the chain and every
# operation's entries found in the log, throughput and latency (median, p95, max) printed.
# Usage: bench/team-load.sh [ANALYSTS] [OPS]   (default 4 500; BENCH_DIR=/path for the homes)
# The server: GAWAH_TEST_POSTGRES (an owner's address) with PGPASSFILE, else a throw-away one
# started with .ci/postgres.sh for the run. Not part of the tests: SeveralAnalystsAtOnceTest runs
# 2 x 20 of the same.
set -euo pipefail
cd "$(dirname "$0")/.."
analysts=${1:-4}
ops=${2:-500}
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/gawah-team-load.XXXXXX")
trap 'rm -rf "$work"' EXIT
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2
# The classes copied: a build in this folder while the run goes on must not change them under it.
cp -r target/classes "$work/classes"; cp -r target/test-classes "$work/test-classes"
cp="$work/test-classes:$work/classes:$(cat "$work/classpath.txt")"
echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before; $(java -version 2>&1 | head -1)" >&2
java -XX:+UseSerialGC -cp "$cp" org.gawah.team.TeamLoad "$analysts" "$ops" "$work/team"
echo "bench: load $(cut -d' ' -f1-3 /proc/loadavg) after" >&2
