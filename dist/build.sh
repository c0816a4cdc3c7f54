#!/bin/sh
# Builds Gawah's self-contained distribution: a jlink runtime holding only the JDK modules Gawah
# needs (dist/modules.txt), the app and its libraries as "mvn package" leaves them (Bouncy Castle's
# checked against their pins, then unsigned: dist/UnsignedJars.java), an ahead-of-time cache of
# the classes a run loads when the runtime is Java 25 or later (lib/gawah.aot, and the window's
# lib/gawah-desktop.aot, trained on its records page under xvfb-run when there is one), and
# launchers for Linux, macOS (bin/gawah, bin/gawah-desktop) and Windows (bin/gawah.cmd,
# bin/gawah-desktop.cmd), and on Linux gawah.desktop to open the window with a double click. Output:
#   target/dist/gawah-VERSION-OS-ARCH/            the folder users unpack
#   target/dist/gawah-VERSION-OS-ARCH.tar.gz      (.zip when the target is Windows), and .sha256
#
#   dist/build.sh                      for this machine, with the first JDK of: $GAWAH_RUNTIME_JDK,
#                                      a JDK 25 in /usr/lib/jvm (Temurin's: this project's machines
#                                      and CI have one), $JAVA_HOME, the PATH's java
#   dist/build.sh --jdk DIR            for the OS and CPU of the JDK unpacked in DIR (its jmods/ and
#                                      release file), e.g. a Windows or macOS JDK 17, linked with the
#                                      JDK of the same version in $JAVA_HOME or on the PATH
# Options: --skip-maven (use target/gawah.jar and target/lib as they are), --out DIR (instead of
# target/dist), --version V (instead of the version in pom.xml), --no-archive.
set -eu

say() { printf 'dist: %s\n' "$*" >&2; }
die() {
  printf 'dist: error: %s\n' "$1" >&2
  [ $# -lt 2 ] || printf 'dist: hint: %s\n' "$2" >&2
  exit 1
}
usage() { sed -n '2,20s/^# \{0,1\}//p' "$0"; }

root=$(CDPATH='' cd -P -- "$(dirname -- "$0")/.." && pwd -P)
target_jdk=''
out="$root/target/dist"
maven=yes
archive=yes
version=''
while [ $# -gt 0 ]; do
  case $1 in
    --jdk) [ $# -ge 2 ] || die "--jdk needs a folder"; target_jdk=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out=$2; shift 2 ;;
    --version) [ $# -ge 2 ] || die "--version needs a value"; version=$2; shift 2 ;;
    --skip-maven) maven=no; shift ;;
    --no-archive) archive=no; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1" "dist/build.sh --help" ;;
  esac
done

# The JDK that builds (jlink, jdeps, jar): $JAVA_HOME, else the one whose java is on the PATH.
# For this machine (no --jdk), a newer one first: a Java 25 runtime starts every command in about
# half the time, with the ahead-of-time cache made below (README, "Speed"). Debian 12 packages no
# JDK 25; Temurin's is on this project's machines and CI's under /usr/lib/jvm.
host_jdk=''
if [ -z "$target_jdk" ]; then
  for candidate in "${GAWAH_RUNTIME_JDK:-}" /usr/lib/jvm/temurin-25-jdk*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ -f "$candidate/release" ] \
       && "$candidate/bin/java" -version >/dev/null 2>&1; then
      host_jdk=$candidate
      break
    fi
  done
  [ -z "${GAWAH_RUNTIME_JDK:-}" ] || [ "$host_jdk" = "$GAWAH_RUNTIME_JDK" ] \
    || die "GAWAH_RUNTIME_JDK=$GAWAH_RUNTIME_JDK is not a JDK that runs (no bin/jlink or release file, or its java fails)"
  [ -n "$host_jdk" ] \
    || say "no JDK 25 in /usr/lib/jvm (temurin-25-jdk*): the runtime is the building JDK's, without an ahead-of-time cache"
fi
if [ -n "$host_jdk" ]; then
  :
elif [ -n "${JAVA_HOME:-}" ]; then
  host_jdk=$JAVA_HOME
else
  command -v java >/dev/null 2>&1 || die "no JDK found" "install a JDK 17 or set JAVA_HOME"
  host_jdk=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
fi
for tool in jlink jdeps jar; do
  [ -x "$host_jdk/bin/$tool" ] || [ -x "$host_jdk/bin/$tool.exe" ] \
    || die "$host_jdk has no $tool: it is a runtime, not a JDK" "point JAVA_HOME at a JDK 17"
done
target_jdk=${target_jdk:-$host_jdk}
target_jdk=$(CDPATH='' cd -P -- "$target_jdk" && pwd -P) || die "no folder $target_jdk"
host_jdk=$(CDPATH='' cd -P -- "$host_jdk" && pwd -P) || die "no folder $host_jdk"
# jlink links from a JDK's jmods/; a JDK 24 or later without them (Temurin's 25) links its own
# run-time image, for its own machine only.
no_jmods() {
  die "$target_jdk has no jmods/java.base.jmod, which jlink links from" \
      "use a full JDK 17 (Debian: openjdk-17-jdk-headless; Temurin's JDK 17 archives have jmods/)"
}
module_path=''
if [ -f "$target_jdk/jmods/java.base.jmod" ]; then
  module_path=$target_jdk/jmods
elif [ "$target_jdk" != "$host_jdk" ]; then
  no_jmods
fi
[ -f "$target_jdk/release" ] || die "$target_jdk has no release file, which names its OS and CPU"
release_value() { sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$2" | tr -d '\r'; }
java_version=$(release_value JAVA_VERSION "$target_jdk/release")
[ -n "$module_path" ] || [ "${java_version%%.*}" -ge 24 ] || no_jmods

os_name=$(release_value OS_NAME "$target_jdk/release")
os_arch=$(release_value OS_ARCH "$target_jdk/release")
host_version=$(release_value JAVA_VERSION "$host_jdk/release")
case $os_name in
  Linux) os=linux ;;
  Darwin|"Mac OS X"|macOS) os=macos ;;
  Windows*) os=windows ;;
  *) die "unknown OS_NAME \"$os_name\" in $target_jdk/release" ;;
esac
case $os_arch in
  x86_64|amd64|x64) arch=x64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) arch=$os_arch ;;
esac
[ -z "$host_version" ] || [ "${java_version%%.*}" = "${host_version%%.*}" ] \
  || die "jlink of Java $host_version cannot link the modules of Java $java_version" \
         "run with JAVA_HOME set to a JDK ${java_version%%.*} for this machine"

if [ $maven = yes ]; then
  say "building the app: mvn -B -q package -DskipTests"
  (cd "$root" && mvn -B -q package -DskipTests) || die "mvn package failed"
fi
[ -f "$root/target/gawah.jar" ] && [ -d "$root/target/lib" ] \
  || die "target/gawah.jar or target/lib is missing" "run without --skip-maven, or mvn package first"
if [ -z "$version" ]; then
  version=$(awk '/<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' "$root/pom.xml")
fi

if command -v sha256sum >/dev/null 2>&1; then sha256='sha256sum'; else sha256='shasum -a 256'; fi

# The modules: dist/modules.txt, checked against what jdeps finds in the jars (once for a given
# set of jars and list: building for several targets in a row checks once).
wanted=$(sed -e 's/#.*//' -e 's/^[[:space:]].*//' "$root/dist/modules.txt" | awk 'NF && $1 !~ /^!/ { print $1 }')
left_out=$(sed -e 's/#.*//' "$root/dist/modules.txt" | awk '$1 ~ /^!/ { print substr($1, 2) }')
checked="$root/target/dist-modules-checked"
stamp=$(cd "$root" && $sha256 dist/modules.txt target/gawah.jar target/lib/*.jar | $sha256 | cut -c1-64)
if [ "$(cat "$checked" 2>/dev/null)" != "$stamp" ]; then
  found=$("$host_jdk/bin/jdeps" --multi-release "${java_version%%.*}" --print-module-deps --ignore-missing-deps \
    "$root/target/gawah.jar" "$root"/target/lib/*.jar 2>/dev/null) || die "jdeps could not read the jars"
  for module in $(printf '%s\n' "$found" | tr ',' ' '); do
    printf '%s\n' $wanted $left_out | grep -qx "$module" \
      || die "the jars now use the JDK module $module, which dist/modules.txt does not name" \
             "add it to dist/modules.txt with the reason, or with ! and why it is not needed"
  done
  printf '%s\n' "$stamp" > "$checked"
fi
modules=$(printf '%s\n' $wanted | paste -sd, -)

name="gawah-$version-$os-$arch"
dir="$out/$name"
say "building $name from $target_jdk (Java $java_version)"
rm -rf "$dir" "$out/$name.tar.gz" "$out/$name.zip" "$out/$name.tar.gz.sha256" "$out/$name.zip.sha256"
mkdir -p "$dir/bin" "$dir/lib"

# Class data sharing (the JDK's classes pre-parsed, mapped at start: a tenth of a second every
# run) needs the runtime to run while it is built, so only for a runtime of this machine. With
# Java 25 the ahead-of-time cache below takes its place, holding the JDK's classes too (a run that
# cannot use the cache would not fall back on this archive either).
this_machine=no
[ "$target_jdk" = "$host_jdk" ] && this_machine=yes
aot=no
[ $this_machine = yes ] && [ "${java_version%%.*}" -ge 25 ] && aot=yes
cds=''
[ $this_machine = yes ] && [ $aot = no ] && cds='--generate-cds-archive'
compress=--compress=2
[ "${java_version%%.*}" -lt 21 ] || compress=--compress=zip-6
"$host_jdk/bin/jlink" ${module_path:+--module-path "$module_path"} --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages $compress $cds \
  --output "$dir/runtime"
# The archive for heaps over 32 GB (no compressed pointers): Gawah runs in far less; 11 MB saved.
rm -f "$dir/runtime/lib/server/classes_nocoops.jsa"

# The jars as Maven left them, but Bouncy Castle's: checked against dist/bouncycastle.pins (Maven
# Central's digests and Bouncy Castle's signing certificate), then written without their
# signatures, which the JDK checks class by class on every run and which keep their classes out of
# class data sharing and the ahead-of-time cache. README, "The distribution", says how to compare
# them with Maven Central's.
cp -p "$root/target/gawah.jar" "$dir/lib/"
for jar in "$root"/target/lib/*.jar; do
  case ${jar##*/} in
    bc*-jdk18on-*.jar) ;;
    *) cp -p "$jar" "$dir/lib/"
       # Java keeps a signed jar's classes out of the ahead-of-time cache and checks them on every
       # run: only Bouncy Castle's are signed today, and they are shipped unsigned above.
       if command -v unzip >/dev/null 2>&1 && unzip -Z1 "$jar" | grep -Eq '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$'; then
         say "${jar##*/} is signed: its classes stay out of the ahead-of-time cache and are checked on every run"
       fi ;;
  esac
done
"$host_jdk/bin/java" "$root/dist/UnsignedJars.java" "$root/dist/bouncycastle.pins" "$dir/lib" \
  "$root"/target/lib/bc*-jdk18on-*.jar || exit 1
# The class path in a fixed order (a wildcard is expanded in the order the file system lists the
# folder, which differs between folders; the ahead-of-time cache holds the order it was made with).
jars=$(cd "$dir/lib" && { echo gawah.jar; ls *.jar | LC_ALL=C sort | grep -vx gawah.jar; } | tr '\n' ' ')

# sqlite-jdbc's native library for the target, taken out of its jar once, here. Otherwise every
# run writes a 1 MB executable into the temporary folder: a killed run leaves it there, and a
# temporary folder mounted noexec refuses it. The launchers point sqlite-jdbc at native/.
case $arch in x64) sqlite_arch=x86_64 ;; *) sqlite_arch=$arch ;; esac
case $os in
  linux) native="Linux/$sqlite_arch/libsqlitejdbc.so" ;;
  macos) native="Mac/$sqlite_arch/libsqlitejdbc.dylib" ;;
  windows) native="Windows/$sqlite_arch/sqlitejdbc.dll" ;;
esac
mkdir -p "$dir/native"
for jar in "$root"/target/lib/sqlite-jdbc-*.jar; do
  (cd "$dir/native" && "$host_jdk/bin/jar" xf "$jar" "org/sqlite/native/$native")
done
[ -f "$dir/native/org/sqlite/native/$native" ] \
  || die "sqlite-jdbc has no native library for $os-$arch (org/sqlite/native/$native)"
mv "$dir/native/org/sqlite/native/$native" "$dir/native/"
rm -rf "$dir/native/org"

# The window's font (Vazirmatn, OFL) as files, taken out of gawah.jar: the launchers name fonts/ to
# the window, since Java copies a font it reads out of a jar into the temporary folder first.
mkdir -p "$dir/fonts"
(cd "$dir/fonts" && "$host_jdk/bin/jar" xf "$root/target/gawah.jar" org/gawah/desktop/fonts)
[ -f "$dir/fonts/org/gawah/desktop/fonts/Vazirmatn-Regular.ttf" ] \
  || die "target/gawah.jar has no org/gawah/desktop/fonts/Vazirmatn-Regular.ttf" "mvn package again"
mv "$dir/fonts/org/gawah/desktop/fonts/"* "$dir/fonts/"
rm -rf "$dir/fonts/org"

# Windows files get CRLF whatever the checkout did; the sh launcher keeps LF.
crlf() { awk '{ sub(/\r$/, ""); printf "%s\r\n", $0 }' "$1" > "$2"; }
sed "s|@JARS@|${jars% }|" "$root/dist/bin/gawah" > "$dir/bin/gawah"
# The same launcher under the name that opens the window (bin/gawah reads its own name).
cp "$dir/bin/gawah" "$dir/bin/gawah-desktop"
chmod 755 "$dir/bin/gawah" "$dir/bin/gawah-desktop"
crlf "$root/dist/bin/gawah.cmd" "$dir/bin/gawah.cmd"
crlf "$root/dist/bin/gawah-desktop.cmd" "$dir/bin/gawah-desktop.cmd"
if [ $os = linux ]; then
  # Executable: file managers launch a .desktop file outside the menus only when it is.
  cp "$root/dist/gawah.desktop" "$dir/gawah.desktop"
  chmod 755 "$dir/gawah.desktop"
fi

archive_type=tar.gz
[ $os = windows ] && archive_type=zip
runtime_modules=$(release_value MODULES "$dir/runtime/release" | sed 's/ /, /g')
sed -e "s|@VERSION@|$version|g" -e "s|@TARGET@|$os-$arch|g" -e "s|@ARCHIVE@|$archive_type|g" \
    -e "s|@JAVA_VERSION@|Java $java_version|g" -e "s|@MODULES@|$runtime_modules|g" \
    "$root/dist/README.txt" > "$dir/README.txt.lf"
if [ $os = windows ]; then crlf "$dir/README.txt.lf" "$dir/README.txt"; else cp "$dir/README.txt.lf" "$dir/README.txt"; fi
rm "$dir/README.txt.lf"

# The ahead-of-time cache (Java 25 and later, this machine only): the classes a run loads, read,
# checked and linked, and how the hot methods ran, recorded while the whole quickstart runs through
# bin/gawah as users start it, in a home that is thrown away. A command then starts from the cache
# instead of loading some 3,000 classes out of the jars. The cache checks at start that the jars
# are the ones it was made from (size and time); if not, Java runs without it, just slower.
if [ $aot = yes ]; then
  training=$(mktemp -d "${TMPDIR:-/tmp}/gawah-aot.XXXXXX")
  say "training the ahead-of-time cache: bin/gawah quickstart"
  # GAWAH_JAVA_OPTS splits at spaces: the cache is written where the path has none, then moved.
  if ! HOME=$training GAWAH_JAVA_OPTS="-XX:AOTCacheOutput=$training/gawah.aot" \
       "$dir/bin/gawah" quickstart --dir "$training/quickstart" >"$training/out" 2>"$training/err" \
     || [ ! -s "$training/gawah.aot" ]; then
    cat "$training/err" >&2
    rm -rf "$training"
    die "the training run for the ahead-of-time cache failed (above)"
  fi
  mv "$training/gawah.aot" "$dir/lib/gawah.aot"
  rm -rf "$training"
  say "ahead-of-time cache: lib/gawah.aot ($(du -k "$dir/lib/gawah.aot" | cut -f1) KiB)"
fi

# The window's own cache (lib/gawah-desktop.aot, which bin/gawah-desktop starts from): trained on
# the records page as a legal team uses it, where the window spends its time (opening, decrypting
# and checking every record, folding and searching their text, drawing the table): from unlock to
# the first search over 10,000 records, 6.0 s with lib/gawah.aot, 4.6 s with this (bench/README.md,
# "Session 10"). The training home is thrown away: a documenter's home seals $GAWAH_AOT_RECORDS
# generated testimonies (bench/SealVariedRecords.java: in memory, sealed before they are stored),
# a legal home imports its bag, and bin/gawah-desktop --train-records-page opens, searches and locks
# them on a virtual screen (xvfb-run). Nothing in clear is written; the folder is deleted after.
# 2,000 records: a cache trained on 300 gave 5.3 s over 10,000 records, on 2,000 4.5 s, as good as
# one trained on the 10,000 themselves (bench/README.md); fewer leave the hot opening methods
# short of the profiles the compilers start from.
if [ $aot = yes ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    say "no xvfb-run (Debian: xvfb): the window starts from lib/gawah.aot, about a quarter slower opening records"
  else
    records=${GAWAH_AOT_RECORDS:-2000}
    training=$(mktemp -d "${TMPDIR:-/tmp}/gawah-aot-desktop.XXXXXX")
    started=$(date +%s)
    say "training the window's ahead-of-time cache: bin/gawah-desktop on the records page of $records throw-away records"
    export GAWAH_TRAINING_PASSPHRASE='a throw-away training home, not a secret'
    train() {
      HOME=$training XDG_RUNTIME_DIR=$training "$@" >>"$training/out" 2>>"$training/err"
    }
    failed() {
      cat "$training/err" >&2
      rm -rf "$training"
      die "the training run for the window's ahead-of-time cache failed (above)"
    }
    for who in documenter legal; do
      train "$dir/bin/gawah" init --home "$training/$who" || failed
      train "$dir/bin/gawah" keys generate --name "training $who" --home "$training/$who" \
        --passphrase-env GAWAH_TRAINING_PASSPHRASE || failed
      train "$dir/bin/gawah" keys export --home "$training/$who" --out "$training/$who.asc" || failed
    done
    for role in legal protection; do
      train "$dir/bin/gawah" keys import --role $role --home "$training/documenter" "$training/legal.asc" \
        --passphrase-env GAWAH_TRAINING_PASSPHRASE || failed
    done
    train "$dir/bin/gawah" keys import --role documenter --home "$training/legal" "$training/documenter.asc" \
      --passphrase-env GAWAH_TRAINING_PASSPHRASE || failed
    train "$host_jdk/bin/java" -cp "$root/target/gawah.jar" "$root/bench/SealVariedRecords.java" \
      "$training/documenter" "$records" GAWAH_TRAINING_PASSPHRASE || failed
    train "$dir/bin/gawah" submit --home "$training/documenter" --out "$training/bag.zip" \
      --passphrase-env GAWAH_TRAINING_PASSPHRASE || failed
    train "$dir/bin/gawah" import --home "$training/legal" "$training/bag.zip" \
      --passphrase-env GAWAH_TRAINING_PASSPHRASE || failed
    made=$(date +%s)
    # GAWAH_JAVA_OPTS splits at spaces: the cache is written where the path has none, then moved.
    GAWAH_JAVA_OPTS="-XX:AOTCacheOutput=$training/desktop.aot" train xvfb-run -a -s '-screen 0 1280x900x24' \
      "$dir/bin/gawah-desktop" --home "$training/legal" --train-records-page GAWAH_TRAINING_PASSPHRASE || failed
    [ -s "$training/desktop.aot" ] || failed
    unset GAWAH_TRAINING_PASSPHRASE
    mv "$training/desktop.aot" "$dir/lib/gawah-desktop.aot"
    rm -rf "$training"
    say "the window's ahead-of-time cache: lib/gawah-desktop.aot ($(du -k "$dir/lib/gawah-desktop.aot" | cut -f1) KiB)," \
        "$(( made - started )) s for the training home, $(( $(date +%s) - made )) s for the training run"
  fi
fi

(cd "$dir" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | tr '\n' '\0' \
  | xargs -0 $sha256 > SHA256SUMS)

if [ $this_machine = yes ]; then
  out_version=$("$dir/bin/gawah" --version) || die "the distribution does not run: $dir/bin/gawah --version failed"
  say "runs: $out_version"
fi

if [ $archive = yes ]; then
  if [ $os = windows ]; then
    (cd "$out" && "$host_jdk/bin/jar" --create --no-manifest --file "$name.zip" "$name")
  else
    (cd "$out" && tar -cf - "$name" | gzip > "$name.tar.gz")
  fi
  (cd "$out" && $sha256 "$name.$archive_type" > "$name.$archive_type.sha256")
  say "archive: $out/$name.$archive_type ($(du -k "$out/$name.$archive_type" | cut -f1) KiB)"
fi
say "runtime: $(du -sk "$dir/runtime" | cut -f1) KiB, modules: $runtime_modules"
say "done: $dir"
printf '%s\n' "$dir"
