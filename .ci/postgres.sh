#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: .ci/postgres.sh start DIR | stop DIR
# (DIR: a new folder under /tmp, e.g. from mktemp -d /tmp/gawah-pg.XXXXXX).
# As root the server runs as the user 'postgres' (initdb refuses root), else as the caller.
# start writes DIR/pgpass (0600) and DIR/env (PGHOST, PGPORT, PGPASSFILE) and makes:
#   gawah_owner    a login that owns the vaults (and may create the tests' databases)
#   gawah_analysts a role without login; gawah_analyst, a login, is a member
# The server listens on 127.0.0.1 only, on a free port, with fsync off: test data only.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
# The server's user may not enter the folder this runs from (a clone under root's home): work from /.
dir=$(realpath -m "$dir"); cd /
bindir=${PG_BINDIR:-$( (pg_config --bindir 2>/dev/null) || (ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1) || true)}
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL's programs (initdb, pg_ctl) are not installed: apt-get install postgresql (Debian), or set PG_BINDIR" >&2
  exit 3
fi
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u "${PG_USER:-postgres}" --); fi
case $cmd in
start)
  mkdir -p "$dir"; chmod 0700 "$dir"
  if [ ${#as[@]} -gt 0 ]; then chown "${PG_USER:-postgres}" "$dir"; fi
  # A free port: bind 0, read it back, release it (a race with another program fails loudly below).
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  "${as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
  pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  "${as[@]}" "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres -v pw="$pw" <<'SQL'
CREATE ROLE gawah_owner LOGIN CREATEDB PASSWORD :'pw';
CREATE ROLE gawah_analysts NOLOGIN;
CREATE ROLE gawah_analyst LOGIN PASSWORD :'pw' IN ROLE gawah_analysts;
CREATE DATABASE gawah OWNER gawah_owner;
SQL
  # One pgpass line per login: pgjdbc and psql both read the file PGPASSFILE names.
  (umask 077
   printf '127.0.0.1:%s:*:gawah_owner:%s\n127.0.0.1:%s:*:gawah_analyst:%s\n' "$port" "$pw" "$port" "$pw" >"$dir/pgpass"
   printf 'PGHOST=127.0.0.1\nPGPORT=%s\nPGPASSFILE=%s/pgpass\n' "$port" "$dir" >"$dir/env")
  echo "PGPORT=$port"
  ;;
stop)
  if [ -d "$dir/data" ]; then "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
  # Not waited for: the tests' hundreds of databases take tens of seconds to delete on a busy disk,
  # and a test JVM is given 30 s to end.
  nohup rm -rf "$dir" >/dev/null 2>&1 &
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2;;
esac
