#!/usr/bin/env bash
# The window's seal after unlock (goal: 100 ms or less for a small record) beside `gawah record`
# of the same kind of record from the command line (a new process: JVM start, the key's S2K, seal).
# Usage: bench/window-seal.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/gawah-window-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -f target/gawah.jar ] || mvn -B -q package -DskipTests
export BENCH_PASSPHRASE="bench passphrase, not a secret"
for who in documenter legal; do
  ./gawah init --home "$work/$who" >/dev/null 2>&1
  ./gawah keys generate --name "bench $who" --home "$work/$who" --passphrase-env BENCH_PASSPHRASE >/dev/null 2>&1
  ./gawah keys export --home "$work/$who" --out "$work/$who.asc" 2>/dev/null
done
./gawah keys import --role legal --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc" >/dev/null 2>&1
./gawah keys import --role protection --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc" >/dev/null 2>&1

echo "== the window (org.gawah.interview + org.gawah.app, key unlocked once)"
java -cp target/gawah.jar bench/WindowSeal.java "$work/documenter" "$runs" BENCH_PASSPHRASE

echo "== the command line: gawah record --from full-input.json (new process each time)"
# The shared sample testimony (a page of account, two events, the identity sealed apart).
cp src/test/resources/org/gawah/testimony/full-input.json "$work/small.json"
times=()
for i in $(seq 5); do
  t0=$(date +%s%N)
  ./gawah record --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE --from "$work/small.json" >/dev/null 2>"$work/err" \
    || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "gawah record, 5 runs (ms, sorted): $sorted  median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms"
