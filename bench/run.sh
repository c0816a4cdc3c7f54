#!/usr/bin/env bash
# Gawah vs GnuPG on one machine, in one run: seal and open a large attachment, then a small
# record, open and list, each beside GnuPG's nearest command.
# Usage: bench/run.sh [SIZE_MIB]   (default 1024; RUNS=3 for medians of the large ones, SMALL_RUNS=5
# for the small ones; BENCH_PRIORITY=rt runs every timed command of both at real-time priority,
# root only: bench/rt.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
runs=${RUNS:-1}
small_runs=${SMALL_RUNS:-5}
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/gawah-bench.XXXXXX")
trap 'gpgconf --homedir "$work/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v gpg >/dev/null || { echo "bench: gpg is needed (apt-get install gnupg)" >&2; exit 1; }
# What users run: the distribution for this machine (bin/gawah, its own runtime and cache), built
# if missing. GAWAH=path/to/launcher measures another (./gawah: Java on the PATH, no cache).
if [ -z "${GAWAH:-}" ]; then
  GAWAH=$(ls -d target/dist/gawah-*-linux-*/bin/gawah 2>/dev/null | head -1 || true)
  if [ -z "$GAWAH" ]; then
    dist/build.sh --no-archive >/dev/null
    GAWAH=$(ls -d target/dist/gawah-*-linux-*/bin/gawah | head -1)
  fi
fi
runtime=$(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"/\1/p; s/^JAVA_VERSION="\(.*\)"/Java \1/p' "$(dirname "$GAWAH")/../runtime/release" 2>/dev/null | paste -sd' ' - || true)
export BENCH_PASSPHRASE="bench passphrase, not a secret"
timed=()
[ "${BENCH_PRIORITY:-}" = rt ] && timed=(bench/rt.sh)
gawah() { GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" "$@"; }
now() { date +%s.%N; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# CPU seconds (user + system) beside wall seconds: other work on a shared machine stretches wall
# time far more than it changes the CPU time a command needs. GNU time gives a command's own
# (children included); gpg's secret-key work runs in gpg-agent, whose CPU is added to gpg's.
ticks=$(getconf CLK_TCK)
agent_cpu() { awk -v t="$ticks" '{ printf "%.2f\n", ($14 + $15) / t }' "/proc/$agent_pid/stat"; }
cpu_of() { awk '{ printf "%.2f\n", $2 + $3 }' "$1"; }   # a "%M %U %S" file of GNU time

echo "bench: preparing $size_mib MiB of random data and two homes in $work" >&2
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$work/input.bin"
for who in documenter legal; do
  gawah init --home "$work/$who" >/dev/null 2>&1
  gawah keys generate --name "bench $who" --home "$work/$who" --passphrase-env BENCH_PASSPHRASE >/dev/null 2>&1
  gawah keys export --home "$work/$who" --out "$work/$who.asc" 2>/dev/null
  gawah keys export --secret --home "$work/$who" --out "$work/$who.sec.asc" 2>/dev/null
done
gawah keys import --role legal --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc" >/dev/null 2>&1
gawah keys import --role protection --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE "$work/legal.asc" >/dev/null 2>&1
gawah keys import --role documenter --home "$work/legal" --passphrase-env BENCH_PASSPHRASE "$work/documenter.asc" >/dev/null 2>&1
cp src/test/resources/org/gawah/testimony/full-input.json "$work/testimony.json"

mkdir -m 700 "$work/gnupg"
# No passphrase cache: GnuPG derives the key from the passphrase on every command, as Gawah does.
printf '%s\n' allow-loopback-pinentry 'default-cache-ttl 0' 'max-cache-ttl 0' > "$work/gnupg/gpg-agent.conf"
printf '%s\n' "$BENCH_PASSPHRASE" > "$work/pass"
g() { gpg --homedir "$work/gnupg" --batch --yes --pinentry-mode loopback --passphrase-file "$work/pass" "$@"; }
# gpg-agent does gpg's secret-key work: started here, under the same priority as the timed commands.
"${timed[@]}" gpg-connect-agent --homedir "$work/gnupg" /bye >/dev/null 2>&1
agent_pid=$(gpg-connect-agent --homedir "$work/gnupg" 'getinfo pid' /bye | awk '$1=="D"{print $2}')
g --import "$work/documenter.sec.asc" "$work/legal.sec.asc" 2>/dev/null
dfpr=$(gawah keys list --home "$work/documenter" | awk '$1=="own"{print $2}')
lfpr=$(gawah keys list --home "$work/legal" | awk '$1=="own"{print $2}')
for fpr in "$lfpr" "$dfpr"; do
  g --quick-set-ownertrust "$fpr" ultimate 2>/dev/null || echo "$fpr:6:" | g --import-ownertrust 2>/dev/null
done

seal_gawah=() ; seal_gpg=() ; seal_gpg_sync=() ; open_gawah=() ; open_gpg=() ; rss=()
cpu_seal_gawah=() ; cpu_seal_gpg=() ; cpu_open_gawah=() ; cpu_open_gpg=() ; open_rss=()
for run in $(seq "$runs"); do
  rm -f "$work/vault-before"; sync
  t0=$(now)
  "${timed[@]}" /usr/bin/time -f '%M %U %S' -o "$work/rss" env GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" record --home "$work/documenter" \
      --passphrase-env BENCH_PASSPHRASE --from "$work/testimony.json" --attach "$work/input.bin" --self-readable \
      > "$work/id" 2>"$work/record.err" || { cat "$work/record.err" >&2; exit 1; }
  t1=$(now); seal_gawah+=("$(echo "$t1 - $t0" | bc)"); rss+=("$(cut -d' ' -f1 "$work/rss")")
  cpu_seal_gawah+=("$(cpu_of "$work/rss")")
  id=$(cat "$work/id")

  rm -f "$work/gpg.pgp"; sync
  a0=$(agent_cpu); t0=$(now); "${timed[@]}" /usr/bin/time -f '%M %U %S' -o "$work/gpg.t" gpg --homedir "$work/gnupg" --batch --yes --pinentry-mode loopback --passphrase-file "$work/pass" \
      -u "$dfpr" -r "$lfpr" --sign --encrypt -o "$work/gpg.pgp" "$work/input.bin" 2>/dev/null; t1=$(now); a1=$(agent_cpu)
  sync; t2=$(now)
  seal_gpg+=("$(echo "$t1 - $t0" | bc)"); seal_gpg_sync+=("$(echo "$t2 - $t0" | bc)")
  cpu_seal_gpg+=("$(echo "$(cpu_of "$work/gpg.t") + $a1 - $a0" | bc)")

  rm -rf "$work/out"; mkdir "$work/out"
  t0=$(now)
  "${timed[@]}" /usr/bin/time -f '%M %U %S' -o "$work/open.t" env GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" open "$id" --home "$work/documenter" --passphrase-env BENCH_PASSPHRASE --out "$work/out/t.json" \
      --attachments "$work/out" 2>"$work/open.err" || { cat "$work/open.err" >&2; exit 1; }
  t1=$(now); open_gawah+=("$(echo "$t1 - $t0" | bc)"); cpu_open_gawah+=("$(cpu_of "$work/open.t")")
  open_rss+=("$(cut -d' ' -f1 "$work/open.t")")
  cmp -s "$work/input.bin" "$work/out/input.bin" || { echo "bench: gawah opened something else" >&2; exit 1; }

  rm -f "$work/gpg.out"
  a0=$(agent_cpu); t0=$(now); "${timed[@]}" /usr/bin/time -f '%M %U %S' -o "$work/gpg.t" gpg --homedir "$work/gnupg" --batch --yes --pinentry-mode loopback --passphrase-file "$work/pass" \
      -o "$work/gpg.out" --decrypt "$work/gpg.pgp" 2>/dev/null; t1=$(now); a1=$(agent_cpu)
  open_gpg+=("$(echo "$t1 - $t0" | bc)"); cpu_open_gpg+=("$(echo "$(cpu_of "$work/gpg.t") + $a1 - $a0" | bc)")
  rm -f "$work/gpg.out" "$work/out/input.bin"
done

# Small commands: the sample testimony (with its identity) sealed into the vault, opened, and the
# vault listed; GnuPG signs and encrypts the same JSON to the same two keys, decrypts it, and lists
# its keys. Wall seconds and peak memory (max RSS) of each, from GNU time.
small() {
  local label=$1 t0 t1; shift
  a0=$(agent_cpu); t0=$(now)
  "${timed[@]}" /usr/bin/time -f '%M %U %S' -o "$work/small.t" "$@" >"$work/small.out" 2>"$work/small.err" \
    || { echo "bench: $label failed:" >&2; cat "$work/small.err" >&2; exit 1; }
  t1=$(now); a1=$(agent_cpu)
  small_wall[$label]+="$(echo "$t1 - $t0" | bc) "; small_rss[$label]+="$(cut -d' ' -f1 "$work/small.t") "
  # The agent's CPU counts for gpg only (Gawah never talks to it).
  case $label in gpg-*) small_cpu[$label]+="$(echo "$(cpu_of "$work/small.t") + $a1 - $a0" | bc) " ;;
                 *) small_cpu[$label]+="$(cpu_of "$work/small.t") " ;; esac
}
declare -A small_wall small_rss small_cpu
for run in $(seq "$small_runs"); do
  small record env GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" record --home "$work/documenter" \
      --passphrase-env BENCH_PASSPHRASE --from "$work/testimony.json" --self-readable
  sid=$(cat "$work/small.out")
  small gpg-seal gpg --homedir "$work/gnupg" --batch --yes --pinentry-mode loopback --passphrase-file "$work/pass" \
      -u "$dfpr" -r "$lfpr" -r "$dfpr" --sign --encrypt -o "$work/small.pgp" "$work/testimony.json"
  small open env GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" open "$sid" --home "$work/documenter" \
      --passphrase-env BENCH_PASSPHRASE
  small gpg-open gpg --homedir "$work/gnupg" --batch --yes --pinentry-mode loopback --passphrase-file "$work/pass" \
      --decrypt "$work/small.pgp"
  small list env GAWAH_JAVA_OPTS="${GAWAH_JAVA_OPTS:--Xmx64m}" "$GAWAH" list --home "$work/documenter"
  small gpg-list gpg --homedir "$work/gnupg" --batch --list-keys
done

dd_rate=$(dd if=/dev/zero of="$work/dd.bin" bs=1M count=1024 conv=fdatasync 2>&1 | awk -F', ' '/copied/{print $NF}'); rm -f "$work/dd.bin"
aes=$(openssl speed -evp aes-256-cfb -bytes 16384 -seconds 2 2>/dev/null | awk 'tolower($1)=="aes-256-cfb"{print $NF}')
sha=$(openssl speed -evp sha512 -bytes 16384 -seconds 2 2>/dev/null | awk 'tolower($1)=="sha512"{print $NF}')

m() { printf '%s\n' "$@" | median; }
sg=$(m "${seal_gawah[@]}"); sp=$(m "${seal_gpg[@]}"); sps=$(m "${seal_gpg_sync[@]}")
og=$(m "${open_gawah[@]}"); op=$(m "${open_gpg[@]}"); mem=$(m "${rss[@]}"); open_mem=$(m "${open_rss[@]}")
csg=$(m "${cpu_seal_gawah[@]}"); csp=$(m "${cpu_seal_gpg[@]}"); cog=$(m "${cpu_open_gawah[@]}"); cop=$(m "${cpu_open_gpg[@]}")
rate() { echo "scale=0; $size_mib / $1" | bc; }
ratio() { printf '%.2f' "$(echo "scale=3; $1 / $2" | bc)"; }

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Gawah vs GnuPG, $size_mib MiB attachment, $runs run(s), median; $GAWAH ($runtime); $(gpg --version | head -1)"
echo
printf '| %-58s | %9s | %8s | %-16s | %7s | %-9s |\n' "what" "seconds" "MiB/s" "ratio to gpg" "CPU-s" "CPU ratio"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------------------------" "-----------" "----------" "------------------" "---------" "-----------"
printf '| %-58s | %9.2f | %8s | %-16s | %7.2f | %-9s |\n' "gawah record --attach (signed, encrypted, in SQLite, fsync)" "$sg" "$(rate "$sg")" "$(ratio "$sg" "$sp") (w/ sync $(ratio "$sg" "$sps"))" "$csg" "$(ratio "$csg" "$csp")"
printf '| %-58s | %9.2f | %8s | %-16s | %7.2f | %-9s |\n' "gpg --sign --encrypt to a file" "$sp" "$(rate "$sp")" "1.00" "$csp" "1.00"
printf '| %-58s | %9.2f | %8s | %-16s | %7s | %-9s |\n' "gpg --sign --encrypt to a file, then sync" "$sps" "$(rate "$sps")" "" "" ""
printf '| %-58s | %9.2f | %8s | %-16s | %7.2f | %-9s |\n' "gawah open --attachments (decrypt, verify, hashes)" "$og" "$(rate "$og")" "$(ratio "$og" "$op")" "$cog" "$(ratio "$cog" "$cop")"
printf '| %-58s | %9.2f | %8s | %-16s | %7.2f | %-9s |\n' "gpg --decrypt (with signature check)" "$op" "$(rate "$op")" "1.00" "$cop" "1.00"
echo
echo "Small commands, $small_runs runs each, median wall seconds (range), median CPU-s (user + system; gpg's with its agent's) and Gawah's peak memory (max RSS):"
echo
printf '| %-44s | %-18s | %5s | %8s | %-44s | %-18s | %5s | %-6s |\n' "gawah" "seconds" "CPU-s" "MiB" "gpg" "seconds" "CPU-s" "ratio"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "--------------------" "-------" "----------" "----------------------------------------------" "--------------------" "-------" "--------"
range() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "%.2f (%.2f-%.2f)", a[int((NR+1)/2)], a[1], a[NR]}'; }
for pair in "record:gpg-seal:gawah record (sample testimony + identity):gpg --sign --encrypt (same JSON, 2 keys)" \
            "open:gpg-open:gawah open ID (to stdout):gpg --decrypt (with signature check)" \
            "list:gpg-list:gawah list:gpg --list-keys"; do
  IFS=: read -r a b la lb <<< "$pair"
  ga=$(printf '%s\n' ${small_wall[$a]} | median); gb=$(printf '%s\n' ${small_wall[$b]} | median)
  mib=$(( $(printf '%s\n' ${small_rss[$a]} | sort -n | tail -1) / 1024 ))
  ca=$(printf '%s\n' ${small_cpu[$a]} | median); cb=$(printf '%s\n' ${small_cpu[$b]} | median)
  printf '| %-44s | %-18s | %5.2f | %8s | %-44s | %-18s | %5.2f | %-6s |\n' "$la" "$(range "${small_wall[$a]}")" "$ca" "$mib" "$lb" "$(range "${small_wall[$b]}")" "$cb" "$(ratio "$ga" "$gb")"
done
echo
echo "Machine limits: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
     "dd 1 GiB conv=fdatasync: $dd_rate; openssl AES-256-CFB: $aes; SHA-512: $sha (16 KiB blocks)"
echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after${timed[*]:+; timed commands ran under ${timed[*]}}"
echo "Peak memory (max RSS, ${GAWAH_JAVA_OPTS:--Xmx64m}) of gawah record --attach: $((mem / 1024)) MiB; of gawah open --attachments: $((open_mem / 1024)) MiB"
