#!/bin/sh
# Builds Gawah's self-contained distribution: a jlink runtime holding only the JDK modules Gawah
# needs (dist/modules.txt), the app and its libraries exactly as "mvn package" leaves them, and
# launchers for Linux, macOS (bin/gawah, bin/gawah-desktop) and Windows (bin/gawah.cmd,
# bin/gawah-desktop.cmd), and on Linux gawah.desktop to open the window with a double click. Output:
#   target/dist/gawah-VERSION-OS-ARCH/            the folder users unpack
#   target/dist/gawah-VERSION-OS-ARCH.tar.gz      (.zip when the target is Windows), and .sha256
#
#   dist/build.sh                      for this machine, with the JDK in $JAVA_HOME or on the PATH
#   dist/build.sh --jdk DIR            for the OS and CPU of the JDK unpacked in DIR (its jmods/ and
#                                      release file), e.g. a Windows or macOS JDK 17
# Options: --skip-maven (use target/gawah.jar and target/lib as they are), --out DIR (instead of
# target/dist), --version V (instead of the version in pom.xml), --no-archive.
set -eu

say() { printf 'dist: %s\n' "$*" >&2; }
die() {
  printf 'dist: error: %s\n' "$1" >&2
  [ $# -lt 2 ] || printf 'dist: hint: %s\n' "$2" >&2
  exit 1
}
usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }

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
if [ -n "${JAVA_HOME:-}" ]; then
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
[ -f "$target_jdk/jmods/java.base.jmod" ] \
  || die "$target_jdk has no jmods/java.base.jmod, which jlink links from" \
         "use a full JDK 17 (Debian: openjdk-17-jdk-headless; Temurin's JDK archives have jmods/)"
[ -f "$target_jdk/release" ] || die "$target_jdk has no release file, which names its OS and CPU"

release_value() { sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$2" | tr -d '\r'; }
os_name=$(release_value OS_NAME "$target_jdk/release")
os_arch=$(release_value OS_ARCH "$target_jdk/release")
java_version=$(release_value JAVA_VERSION "$target_jdk/release")
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
# run) needs the runtime to run while it is built, so only for a runtime of this machine.
cds=''
[ "$target_jdk" = "$(CDPATH='' cd -P -- "$host_jdk" && pwd -P)" ] && cds='--generate-cds-archive'
"$host_jdk/bin/jlink" --module-path "$target_jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 $cds \
  --output "$dir/runtime"
# The archive for heaps over 32 GB (no compressed pointers): Gawah runs in far less; 11 MB saved.
rm -f "$dir/runtime/lib/server/classes_nocoops.jsa"

cp -p "$root/target/gawah.jar" "$root"/target/lib/*.jar "$dir/lib/"

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
cp "$root/dist/bin/gawah" "$dir/bin/gawah"
# The same launcher under the name that opens the window (bin/gawah reads its own name).
cp "$root/dist/bin/gawah" "$dir/bin/gawah-desktop"
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

(cd "$dir" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | tr '\n' '\0' \
  | xargs -0 $sha256 > SHA256SUMS)

if [ "$target_jdk" = "$(CDPATH='' cd -P -- "$host_jdk" && pwd -P)" ]; then
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
