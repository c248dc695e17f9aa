#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb into a temporary folder, a free
# port on 127.0.0.1, trust authentication on loopback only, no durability (fsync off: it is
# thrown away). The command gets SALES_SYNC_TEST_DATABASE_URL; the cluster is stopped and its
# folder removed when the command ends, however it ends.
#   scripts/with-postgres.sh npm test        (npm run test:pg)
# Needs Debian's postgresql package (.ci/run installs it). As root, the cluster runs as the
# `postgres` user, which PostgreSQL requires.
set -euo pipefail

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
fi
if [ -z "$bindir" ]; then
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then bindir="$candidate"; break; fi
  done
fi
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bindir" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_owner=()
owner="$(id -un)"
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  id postgres >/dev/null 2>&1 || { echo "with-postgres: no postgres user" >&2; exit 1; }
  as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/sales-sync-pg.XXXXXX")"
chmod 755 "$dir"
[ "$owner" = postgres ] && [ "$(id -u)" = 0 ] && chown postgres "$dir"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
  "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
   -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export SALES_SYNC_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
