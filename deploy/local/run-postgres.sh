#!/usr/bin/env bash
# PostgreSQL 15 in the FOREGROUND, for an orchestrator (Aspire AddExecutable)
# that supervises the process. SIGTERM/SIGINT => fast shutdown, then exit.
# If a PostgreSQL already answers on the port (e.g. from servers.sh start), it
# is reused: this script just waits while it answers and never stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if pg_answers; then
  log "reusing the running PostgreSQL at 127.0.0.1:$PG_PORT"
  watch_reused "PostgreSQL at 127.0.0.1:$PG_PORT" pg_answers
fi

pg_init
log "starting PostgreSQL in the foreground (data: $PG_DATA, 127.0.0.1:$PG_PORT)"
# setpriv (not runuser) keeps postgres a direct child we can signal. Postgres
# treats SIGTERM as a "smart" shutdown that waits for every client to leave;
# turn our SIGTERM/SIGINT into SIGINT = fast shutdown (clean, no stale pid file).
exec_as "$PG_USER" "$PG_BIN/postgres" -D "$PG_DATA" &   # $! is postgres itself
pg_pid=$!
trap 'log "fast shutdown of PostgreSQL"; kill -INT "$pg_pid" 2>/dev/null || true' TERM INT
wait_child "$pg_pid" && rc=0 || rc=$?
log "PostgreSQL exited ($rc)"
exit "$rc"
