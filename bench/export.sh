#!/usr/bin/env bash
# Exporting an evidence package with one large attachment, in constant memory: seconds, MiB/s
# and peak memory for export (plain and encrypted with --to) and for gawah verify.
# Usage: bench/export.sh [SIZE_MIB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/gawah-export.XXXXXX")
trap 'rm -rf "$work"' EXIT

[ -f target/gawah.jar ] || mvn -B -q package -DskipTests
export BENCH_PASSPHRASE="bench passphrase, not a secret"
q() { ./gawah "$@" --passphrase-env BENCH_PASSPHRASE 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; }
# One capped JVM, timed by GNU time: wall seconds and peak RSS (KiB).
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time" java -Xmx64m -jar target/gawah.jar "$@" \
      --passphrase-env BENCH_PASSPHRASE >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}

echo "bench: two homes in $work" >&2
for who in documenter legal; do
  ./gawah init --home "$work/$who" >/dev/null 2>&1
  q keys generate --name "bench $who" --home "$work/$who" >/dev/null
  ./gawah keys export --home "$work/$who" --out "$work/$who.asc" 2>/dev/null
done
q keys import --role legal --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc"
q keys import --role protection --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc"
q keys import --role documenter --home "$work/legal" --passphrase-env BENCH_PASSPHRASE "$work/documenter.asc"

echo "bench: sealing a $size MiB photo, submitting, importing" >&2
head -c $((size << 20)) /dev/urandom > "$work/photo.jpg"
id=$(q record --home "$work/documenter" --from src/test/resources/org/gawah/testimony/full-input.json \
    --attach "$work/photo.jpg")
rm "$work/photo.jpg"
q submit --home "$work/documenter" --out "$work/bag.zip" >/dev/null
q import --home "$work/legal" "$work/bag.zip" >/dev/null
rm "$work/bag.zip"
case=$(echo bench | q case create --home "$work/legal")
q case add --home "$work/legal" "$case" "$id"

read -r plain plain_kib < <(timed export --home "$work/legal" --case "$case" --for icc --out "$work/p.zip")
read -r check check_kib < <(timed verify --home "$work/legal" "$work/p.zip")
rm "$work/p.zip"
read -r sealed sealed_kib < <(timed export --home "$work/legal" --case "$case" --for icc --to "$work/legal.asc" \
    --out "$work/p.zip.pgp")

rate() { echo "scale=0; $size / $1" | bc; }
echo
echo "| $size MiB attachment, JVM capped at -Xmx64m | seconds | MiB/s | peak RSS MiB |"
echo "|---|---|---|---|"
echo "| gawah export (decrypt, check, zip, hash, fsync) | $plain | $(rate "$plain") | $((plain_kib / 1024)) |"
echo "| gawah export --to (same, encrypted to the receiver) | $sealed | $(rate "$sealed") | $((sealed_kib / 1024)) |"
echo "| gawah verify PACKAGE (every check, twice through the payload) | $check | $(rate "$check") | $((check_kib / 1024)) |"
