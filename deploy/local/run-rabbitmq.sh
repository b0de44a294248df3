#!/usr/bin/env bash
# RabbitMQ in the FOREGROUND, for an orchestrator (Aspire AddExecutable) that
# supervises the process. SIGTERM/SIGINT => clean node shutdown, then the
# private epmd is ended too (it daemonises and would outlive the node).
# If our node already answers (e.g. from servers.sh start), it is reused: this
# script just waits while it answers and never stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rabbit_setup

if rabbit_answers; then
  log "reusing the running RabbitMQ node $RABBIT_NODE at 127.0.0.1:$RABBIT_PORT"
  watch_reused "RabbitMQ node $RABBIT_NODE" rabbit_registered   # cheap check every 5 s
fi

rabbit_init
log "starting RabbitMQ $RABBIT_NODE in the foreground (AMQP 127.0.0.1:$RABBIT_PORT, management 127.0.0.1:$RABBIT_MGMT_PORT)"
# rabbitmq-server in the foreground itself turns SIGTERM into a clean stop.
# (one subshell that execs: $! is the server process itself)
( rabbit_env; exec_as "$RABBIT_USER" "$RABBIT_BIN/rabbitmq-server" ) &
rabbit_pid=$!
trap 'log "stopping RabbitMQ"; kill -TERM "$rabbit_pid" 2>/dev/null || true' TERM INT
trap 'epmd_kill' EXIT
wait_child "$rabbit_pid" && rc=0 || rc=$?
log "RabbitMQ exited ($rc)"
exit "$rc"
