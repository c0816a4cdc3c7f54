#!/usr/bin/env bash
# The legal team's records in the window: COUNT records (about 4 KB sealed each) from a
# documenter's bag imported into a legal home, then, in a real window on a virtual screen
# (Xvfb): the time from Open (the passphrase typed) to the first search's result in the table,
# searches over every record, and memory (heap after a full collection, and the process's peak).
# Usage: bench/records.sh [COUNT]   (default 10000)
#   KEEP=DIR    keep the two homes in DIR and reuse them on the next run with the same DIR
#   RUNS=N      open the window N times on the same vault (default 3; each run logs COUNT opened entries)
#   GAWAH_JAVA_OPTS   Java options for the window (e.g. -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${RUNS:-3}
if [ -n "${KEEP:-}" ]; then
  work=$KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/gawah-records.XXXXXX")
  trap 'rm -rf "$work" "${fill:-}"' EXIT
fi
command -v xvfb-run >/dev/null || { echo "bench: needs xvfb-run (Debian: xvfb)" >&2; exit 1; }
[ -f target/gawah.jar ] || mvn -B -q package -DskipTests
export BENCH_PASSPHRASE="bench passphrase, not a secret"
q() { ./gawah "$@" --passphrase-env BENCH_PASSPHRASE >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ ! -f "$work/legal/vault.db" ]; then
  # The documenter's home lives in memory (/dev/shm when there is one): its COUNT fsync'd
  # transactions are not what is measured. The legal home, which the window opens, is on disk.
  fill=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/gawah-records-fill.XXXXXX")
  echo "bench: homes in $work (the documenter's in $fill)" >&2
  for who in documenter legal; do
    home=$work/$who
    [ "$who" = documenter ] && home=$fill/documenter
    ./gawah init --home "$home" >/dev/null 2>&1
    q keys generate --name "bench $who" --home "$home"
    ./gawah keys export --home "$home" --out "$work/$who.asc" 2>/dev/null
  done
  q keys import --role legal --home "$fill/documenter" "$work/legal.asc"
  q keys import --role protection --home "$fill/documenter" "$work/legal.asc"
  q keys import --role documenter --home "$work/legal" "$work/documenter.asc"
  echo "bench: sealing $count varied records through org.gawah.app.RecordSeal (load $(load))" >&2
  rate=$(java -cp target/gawah.jar bench/SealVariedRecords.java "$fill/documenter" "$count" BENCH_PASSPHRASE)
  echo "bench: $rate records/s; submit and import" >&2
  q submit --home "$fill/documenter" --out "$fill/bag.zip"
  q import --home "$work/legal" "$fill/bag.zip"
  rm -rf "$fill"
fi

classes=$work/classes
mkdir -p "$classes"
javac -nowarn -cp target/gawah.jar -d "$classes" bench/RecordsWindow.java
echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MiB, Java $(java -version 2>&1 | head -1)"
for run in $(seq "$runs"); do
  # Each run logs COUNT opened entries: the vault's own log grows by as many a run, and is read whole at unlock.
  entries=$(sqlite3 "$work/legal/vault.db" 'SELECT count(*) FROM custody_log' 2>/dev/null || echo '?')
  received=$(sqlite3 "$work/legal/vault.db" 'SELECT count(*) FROM received_custody' 2>/dev/null || echo '?')
  echo "run $run: the legal vault's own log holds $entries entries, the documenter's log received $received"
  before=$(load)
  /usr/bin/time -f 'peak RSS %M KiB, %e s wall, %U s user, %S s system' -o "$work/time" \
    xvfb-run -a -s '-screen 0 1280x900x24' java -XX:+UseSerialGC ${GAWAH_JAVA_OPTS:-} \
    -Dgawah.fonts=target/classes/org/gawah/desktop/fonts -cp "target/gawah.jar:$classes" \
    org.gawah.desktop.RecordsWindow "$work/legal" BENCH_PASSPHRASE
  echo "run $run: $(cat "$work/time"); load before $before, after $(load)"
done
