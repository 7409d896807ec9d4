#!/usr/bin/env bash
# A throw-away PostgreSQL server for the server tests (tests/server/): Debian's postgresql,
# a cluster in a temporary folder owned by the postgres user, on a free port, with one
# database. Usage:
#   eval "$(bash scripts/test-postgres.sh start)"   # exports TOW_TEST_DATABASE_URL and TOW_TEST_PGDATA
#   bash scripts/test-postgres.sh stop              # stops it and removes the folder
# Run as root (CI, or here): initdb refuses to run as root, so it runs as postgres.
set -euo pipefail
here=$(dirname "$0")

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
start)
  if [ -z "$(bindir)" ]; then
    bash "$here/ensure-debian.sh" pg_ctlcluster postgresql "the server tests on PostgreSQL" >&2
  fi
  bin=$(bindir)
  data=$(mktemp -d /tmp/tow-pg.XXXXXX)
  chown postgres "$data"
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  su postgres -s /bin/sh -c "$bin/initdb -D '$data/db' -U postgres --auth=trust -E UTF8 >'$data/initdb.log' 2>&1" \
    || { cat "$data/initdb.log" >&2; exit 1; }
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$data/db' -l '$data/server.log' -w -o '-p $port -k $data -c listen_addresses=127.0.0.1' start" >&2 \
    || { cat "$data/server.log" >&2; exit 1; }
  su postgres -s /bin/sh -c "$bin/createdb -h 127.0.0.1 -p $port -U postgres tow_test" >&2
  echo "export TOW_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/tow_test"
  echo "export TOW_TEST_PGDATA=$data"
  ;;
stop)
  data=${TOW_TEST_PGDATA:?no TOW_TEST_PGDATA: nothing to stop}
  su postgres -s /bin/sh -c "$(bindir)/pg_ctl -D '$data/db' -m fast -w stop" >&2 || true
  rm -rf "$data"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
