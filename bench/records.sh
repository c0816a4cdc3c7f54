#!/usr/bin/env bash
# The legal team's records in the window: COUNT records (about 4 KB sealed each) from a
# documenter's bag imported into a legal home, then, in a real window on a virtual screen
# (Xvfb): the time from Open (the passphrase typed) to the first search's result in the table,
# searches over every record, and memory (heap after a full collection, and the process's peak).
# Usage: bench/records.sh [COUNT]   (default 10000)
#   KEEP=DIR    keep the two homes in DIR and reuse them on the next run with the same DIR
#   RUNS=N      open the window N times on the same vault (default 3; each run logs COUNT opened entries)
#   GAWAH_JAVA_OPTS   Java options for the window (e.g. -Xmx256m)
#   RUNTIME=dist      run the window on the distribution's runtime (target/dist/gawah-*, or DIST=DIR; else dist/build.sh)
#                     with bin/gawah-desktop's options and its ahead-of-time cache (lib/gawah.aot,
#                     trained on quickstart); with TRAIN=1, on a cache trained first on this page
#                     ($work/records.aot: one extra run, on the same vault, makes it)
#   BENCH_PRIORITY=rt each window at real-time priority (bench/rt.sh, root only): on a loaded
#                     machine, about what two idle cores give
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
priority=()
[ "${BENCH_PRIORITY:-}" = rt ] && priority=(bench/rt.sh)
if [ "${RUNTIME:-}" = dist ]; then
  # As bin/gawah-desktop runs: its runtime, options and jars (in its order), the bench's class in a
  # jar after them (a cache allows the class path to grow at its end, and takes no folders).
  app=${DIST:-$(ls -d target/dist/gawah-*/ 2>/dev/null | head -1)}
  if [ -z "$app" ]; then
    dist/build.sh --skip-maven --no-archive
    app=$(ls -d target/dist/gawah-*/ | head -1)
  fi
  app=$(cd "$app" && pwd)
  (cd "$classes" && jar cf "$work/records-window.jar" .)
  path=$(sed -n 's/^for jar in \(.*\); do$/\1/p' "$app/bin/gawah" | tr ' ' '\n' | sed "s|^|$app/lib/|" | paste -sd:)
  java=("$app/runtime/bin/java" -XX:+UseSerialGC -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet
    '-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::engineUpdate,0.01'
    '-XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.CipherBlockChaining::*,0.01'
    '-XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.ElectronicCodeBook::*,0.01'
    --enable-native-access=ALL-UNNAMED "-Dorg.sqlite.lib.path=$app/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so
    "-Dgawah.fonts=$app/fonts" -Xlog:disable '-Xlog:all=warning,aot*=off:stderr')
  cache=$app/lib/gawah.aot
  if [ -n "${TRAIN:-}" ]; then
    cache=$work/records.aot
    if [ ! -f "$cache" ]; then
      echo "bench: training $cache on this page (load $(load))" >&2
      xvfb-run -a -s '-screen 0 1280x900x24' "${java[@]}" "-XX:AOTCacheOutput=$cache" ${GAWAH_JAVA_OPTS:-} \
        -cp "$path:$work/records-window.jar" org.gawah.desktop.RecordsWindow "$work/legal" BENCH_PASSPHRASE >/dev/null 2>&1
    fi
  fi
  window=("${java[@]}" "-XX:AOTCache=$cache" ${GAWAH_JAVA_OPTS:-} -cp "$path:$work/records-window.jar")
  version=$("$app/runtime/bin/java" -version 2>&1 | head -1)
else
  window=(java -XX:+UseSerialGC ${GAWAH_JAVA_OPTS:-} -Dgawah.fonts=target/classes/org/gawah/desktop/fonts
    -cp "target/gawah.jar:$classes")
  version=$(java -version 2>&1 | head -1)
fi
echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MiB, Java $version"
for run in $(seq "$runs"); do
  # Each run logs one opened entry naming every record (docs/format/custody-log.md, "Many openings
  # in one entry"); the log is read whole at unlock.
  entries=$(sqlite3 "$work/legal/vault.db" 'SELECT count(*) FROM custody_log' 2>/dev/null || echo '?')
  received=$(sqlite3 "$work/legal/vault.db" 'SELECT count(*) FROM received_custody' 2>/dev/null || echo '?')
  echo "run $run: the legal vault's own log holds $entries entries, the documenter's log received $received"
  before=$(load)
  /usr/bin/time -f 'peak RSS %M KiB, %e s wall, %U s user, %S s system' -o "$work/time" \
    ${priority[@]+"${priority[@]}"} xvfb-run -a -s '-screen 0 1280x900x24' "${window[@]}" \
    org.gawah.desktop.RecordsWindow "$work/legal" BENCH_PASSPHRASE
  echo "run $run: $(cat "$work/time"); load before $before, after $(load)"
done
