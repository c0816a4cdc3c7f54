#!/usr/bin/env bash
# Submitting and importing many text records: records per second, and bag size against records.
# Usage: bench/custody.sh [COUNT]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/gawah-custody.XXXXXX")
trap 'rm -rf "$work"' EXIT

[ -f target/gawah.jar ] || mvn -B -q package -DskipTests
export BENCH_PASSPHRASE="bench passphrase, not a secret"
now() { date +%s.%N; }
q() { ./gawah "$@" --passphrase-env BENCH_PASSPHRASE >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; }

echo "bench: two homes in $work" >&2
for who in documenter legal; do
  ./gawah init --home "$work/$who" >/dev/null 2>&1
  q keys generate --name "bench $who" --home "$work/$who"
  ./gawah keys export --home "$work/$who" --out "$work/$who.asc" 2>/dev/null
done
q keys import --role legal --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc"
q keys import --role protection --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc"
q keys import --role documenter --home "$work/legal" --passphrase-env BENCH_PASSPHRASE "$work/documenter.asc"

echo "bench: sealing $count records (the sample testimony, with its identity envelope)" >&2
seal_rate=$(java -cp target/gawah.jar bench/FillVault.java "$work/documenter" "$count" \
    src/test/resources/org/gawah/testimony/full-input.json BENCH_PASSPHRASE)

t0=$(now); q submit --home "$work/documenter" --out "$work/bag.zip"; t1=$(now)
t2=$(now); q verify --home "$work/legal" "$work/bag.zip"; t3=$(now)
t4=$(now); q import --home "$work/legal" "$work/bag.zip"; t5=$(now)
t6=$(now); q import --home "$work/legal" "$work/bag.zip"; t7=$(now)
t8=$(now); q verify --vault --no-entry --home "$work/legal"; t9=$(now)

bag=$(stat -c %s "$work/bag.zip")
payload=$(unzip -p "$work/bag.zip" '*/bag-info.txt' | awk -F'[ .]' '/^Payload-Oxum/{print $2}')
log=$(unzip -l "$work/bag.zip" '*/custody/log.jsonl' | awk 'NR==4{print $1}')
rate() { echo "scale=0; $count / ($2 - $1)" | bc; }
secs() { printf '%.2f' "$(echo "$2 - $1" | bc)"; }

echo
echo "| $count records | seconds | records/s |"
echo "|---|---|---|"
echo "| seal into the vault (one process, key unlocked once, one fsync'd transaction each) | - | $seal_rate |"
echo "| gawah submit (whole vault, one bag) | $(secs "$t0" "$t1") | $(rate "$t0" "$t1") |"
echo "| gawah verify BAG (every check, nothing written) | $(secs "$t2" "$t3") | $(rate "$t2" "$t3") |"
echo "| gawah import BAG (checks, then one transaction) | $(secs "$t4" "$t5") | $(rate "$t4" "$t5") |"
echo "| gawah import BAG again (already imported: nothing written) | $(secs "$t6" "$t7") | $(rate "$t6" "$t7") |"
echo "| gawah verify --vault on the legal side | $(secs "$t8" "$t9") | $(rate "$t8" "$t9") |"
echo
echo "| size | bytes | per record |"
echo "|---|---|---|"
echo "| sealed records (testimony + identity ciphertext) | $payload | $((payload / count)) |"
echo "| custody log in the bag | $log | $((log / count)) |"
echo "| the bag (zip) | $bag | $((bag / count)) |"
echo "| bag / records | $(echo "scale=2; $bag / $payload" | bc) | |"
