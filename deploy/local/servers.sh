#!/usr/bin/env bash
# Local PostgreSQL 15 + RabbitMQ without Docker, detached in the background.
#   servers.sh start   start both (or reuse those already answering), wait until ready
#   servers.sh stop    stop both cleanly (and the private epmd)
#   servers.sh status  say whether each answers (exit 1 if one does not)
#   servers.sh env     print export lines with the connection strings
#   servers.sh restart-postgres [SECONDS]   stop PostgreSQL (fast), stay down SECONDS (default 0), start it again
#   servers.sh restart-rabbitmq [SECONDS]   shut the RabbitMQ node down, stay down SECONDS, boot it again
# (the restarts are for fault runs: they act only on the servers of this MIGRATION_LOCAL_DIR and these ports)
# Ports and data locations: see lib.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RABBIT_TIMEOUT=180   # seconds to wait for the RabbitMQ node to boot or stop (loaded cores are slow)

start_rabbit() {
  if rabbit_answers; then
    log "reusing the running RabbitMQ node $RABBIT_NODE (AMQP 127.0.0.1:$RABBIT_PORT)"
    return
  fi
  rabbit_init
  log "starting RabbitMQ $RABBIT_NODE (log: $RABBIT_BASE/log)"
  rabbit rabbitmq-server -detached   # returns at once
}

await_rabbit() {
  rabbit_await "$RABBIT_TIMEOUT"
  log "RabbitMQ ready: amqp://127.0.0.1:$RABBIT_PORT, management http://127.0.0.1:$RABBIT_MGMT_PORT"
}

start_pg() {
  if pg_answers; then
    log "reusing the running PostgreSQL at 127.0.0.1:$PG_PORT"
    return
  fi
  pg_init
  log "starting PostgreSQL (data: $PG_DATA)"
  # -w waits until it accepts connections; pg_ctl detaches the postmaster (setsid).
  run_as "$PG_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG/postgresql.log" -w -t 60 start >/dev/null
  pg_answers || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT (see $PG_LOG/postgresql.log)"
  log "PostgreSQL ready: 127.0.0.1:$PG_PORT"
}

cmd_start() {
  start_rabbit   # the slow one: launch it first, then PostgreSQL meanwhile
  start_pg
  await_rabbit
  log "all up in ${SECONDS}s"
}

cmd_stop() {
  stop_pg
  stop_rabbit
  epmd_kill
}

stop_pg() {
  if pg_owns_running; then
    log "stopping PostgreSQL"
    run_as "$PG_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  else
    log "PostgreSQL (ours) is not running"
  fi
}

stop_rabbit() {
  if rabbit_answers; then
    log "stopping RabbitMQ"
    rabbit rabbitmqctl -q shutdown >/dev/null
  else
    log "RabbitMQ is not running"
  fi
}

# restart_pg SECONDS: only the cluster of our data directory (a reused foreign server is refused, not restarted).
cmd_restart_pg() {
  pg_owns_running || die "no PostgreSQL of $PG_DATA is running; nothing to restart"
  stop_pg
  sleep "${1:-0}"
  start_pg
}

# restart_rabbit SECONDS: the node's own PID gets SIGTERM (a graceful shutdown, as rabbitmqctl shutdown does) and the
# restarted node counts as up once it is registered and its AMQP listener accepts connections. No CLI tool runs: each
# boots an Erlang VM, which on loaded cores took a minute or more per call (a restart once took 156 s, 140 of them
# before the node was even asked to stop).
cmd_restart_rabbit() {
  local pid
  pid=$(cat "$RABBIT_BASE/mnesia/$RABBIT_NODE.pid" 2>/dev/null) && rabbit_registered && kill -0 "$pid" 2>/dev/null ||
    die "RabbitMQ node $RABBIT_NODE (epmd port $EPMD_PORT) is not running; nothing to restart"
  log "stopping RabbitMQ (SIGTERM to $pid)"
  kill -TERM "$pid"
  local deadline=$((SECONDS + RABBIT_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || die "RabbitMQ ($pid) did not stop within ${RABBIT_TIMEOUT}s"
    sleep 0.2
  done
  sleep "${1:-0}"
  rabbit_init
  log "starting RabbitMQ $RABBIT_NODE"
  rabbit rabbitmq-server -detached
  deadline=$((SECONDS + RABBIT_TIMEOUT))
  until rabbit_registered && amqp_listens; do
    ((SECONDS < deadline)) || die "RabbitMQ did not start within ${RABBIT_TIMEOUT}s"
    sleep 0.2
  done
  log "RabbitMQ ready again: amqp://127.0.0.1:$RABBIT_PORT"
}

# amqp_listens: something accepts connections on the AMQP port (the node opens it last, once booted).
amqp_listens() { (exec 3<>"/dev/tcp/127.0.0.1/$RABBIT_PORT") 2>/dev/null; }

cmd_status() {
  local rc=0
  if pg_answers; then echo "postgres: answering on 127.0.0.1:$PG_PORT"; else echo "postgres: not answering on 127.0.0.1:$PG_PORT"; rc=1; fi
  if rabbit_answers; then
    echo "rabbitmq: node $RABBIT_NODE answering (AMQP 127.0.0.1:$RABBIT_PORT, management 127.0.0.1:$RABBIT_MGMT_PORT)"
  else
    echo "rabbitmq: node $RABBIT_NODE not answering"; rc=1
  fi
  return "$rc"
}

cmd_env() {
  echo "export MIGRATION_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres'"
  echo "export MIGRATION_RABBITMQ='amqp://guest:guest@127.0.0.1:$RABBIT_PORT/'"
  echo "export MIGRATION_RABBITMQ_MANAGEMENT='http://guest:guest@127.0.0.1:$RABBIT_MGMT_PORT/'"
}

case "${1:-}" in
  start) rabbit_setup; cmd_start ;;
  stop) rabbit_setup; cmd_stop ;;
  status) rabbit_setup; cmd_status ;;
  env) cmd_env ;;
  restart-postgres) cmd_restart_pg "${2:-0}" ;;
  restart-rabbitmq) rabbit_setup; cmd_restart_rabbit "${2:-0}" ;;
  *) echo "usage: $0 start|stop|status|env|restart-postgres [SECONDS]|restart-rabbitmq [SECONDS]" >&2; exit 2 ;;
esac
