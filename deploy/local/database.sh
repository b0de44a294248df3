#!/usr/bin/env bash
# Back up, destroy and restore one service's database on a PostgreSQL server (the local servers or any other), with
# PostgreSQL's own tools. Connection from the usual variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (defaults: the
# local servers of deploy/local/servers.sh).
#   database.sh backup  DATABASE FILE   consistent snapshot (pg_dump, custom format) of DATABASE into FILE
#   database.sh destroy DATABASE        drop DATABASE, cutting its connections
#   database.sh restore DATABASE FILE   create DATABASE from FILE (it must not exist), then analyse it
# In Kubernetes, CloudNativePG takes the backups (deploy/k8s/base/data/backups.yaml); docs/operations.md explains both.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-${MIGRATION_PG_PORT:-5433}} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}

die() { echo "database.sh: $*" >&2; exit 1; }
quoted() { printf '"%s"' "${1//\"/\"\"}"; }

case "${1:-}" in
  backup)
    [[ $# -eq 3 ]] || die "usage: database.sh backup DATABASE FILE"
    "$PG_BIN/pg_dump" --format=custom --no-owner --file="$3" "$2"
    echo "backed up $2 to $3 ($(stat -c %s "$3") bytes)"
    ;;
  destroy)
    [[ $# -eq 2 ]] || die "usage: database.sh destroy DATABASE"
    "$PG_BIN/psql" -v ON_ERROR_STOP=1 -q -d postgres -c "drop database if exists $(quoted "$2") with (force)"
    echo "destroyed $2"
    ;;
  restore)
    [[ $# -eq 3 ]] || die "usage: database.sh restore DATABASE FILE"
    [[ -f $3 ]] || die "no backup file $3"
    "$PG_BIN/psql" -v ON_ERROR_STOP=1 -q -d postgres -c "create database $(quoted "$2")"
    "$PG_BIN/pg_restore" --exit-on-error --no-owner --dbname="$2" "$3"
    "$PG_BIN/psql" -v ON_ERROR_STOP=1 -q -d "$2" -c "analyze"
    echo "restored $2 from $3"
    ;;
  *) die "usage: database.sh backup|destroy|restore DATABASE [FILE]" ;;
esac
