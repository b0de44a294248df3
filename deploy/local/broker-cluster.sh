#!/usr/bin/env bash
# A three-node RabbitMQ cluster on loopback (no Docker), for failover runs and scale-out benchmarks.
#   broker-cluster.sh start          start the nodes (a fresh cluster: node 1, then the others join it), wait until ready;
#                                    an already answering cluster is reused
#   broker-cluster.sh stop           stop every node and the cluster's epmd
#   broker-cluster.sh status         say which nodes answer and who the cluster's running members are (exit 1 if one does not)
#   broker-cluster.sh env            print export lines: the first node's URIs, and every node's address
#   broker-cluster.sh kill-node N    SIGKILL node N's Erlang VM (no goodbye: connections drop, the others elect new leaders)
#   broker-cluster.sh stop-node N    shut node N down cleanly
#   broker-cluster.sh start-node N   boot node N again (it rejoins the cluster it was in)
#
# Nodes are migration-1@localhost, migration-2@localhost, ... sharing one private epmd and one Erlang cookie.
# Ports (override through the environment), node i takes the first port + i - 1:
#   MIGRATION_CLUSTER_NODES (3), MIGRATION_CLUSTER_AMQP_PORT (5791), MIGRATION_CLUSTER_MGMT_PORT (15791),
#   MIGRATION_CLUSTER_DIST_PORT (25791; the CLI tools take that + 10000 .. + 10010), MIGRATION_CLUSTER_EPMD_PORT (4490).
# State: $MIGRATION_LOCAL_DIR/broker-cluster/node-i (see lib.sh for MIGRATION_LOCAL_DIR).
# The services connect to every node through Messaging:BrokerNodes (docs/scaling.md#a-broker-cluster).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NODES=${MIGRATION_CLUSTER_NODES:-3}
AMQP_PORT=${MIGRATION_CLUSTER_AMQP_PORT:-5791}
MGMT_PORT=${MIGRATION_CLUSTER_MGMT_PORT:-15791}
DIST_PORT=${MIGRATION_CLUSTER_DIST_PORT:-25791}
EPMD_PORT=${MIGRATION_CLUSTER_EPMD_PORT:-4490}   # lib.sh's rabbit_env and epmd_kill read EPMD_PORT
BOOT_TIMEOUT=120   # seconds for a node to boot; three nodes booting together on two cores are slow

# node I: make lib.sh's rabbit_* functions act on node I.
node() {
  local i=$1
  ((i >= 1 && i <= NODES)) || die "no node $i (the cluster has $NODES)"
  RABBIT_NODE="migration-$i@localhost"
  RABBIT_PORT=$((AMQP_PORT + i - 1))
  RABBIT_MGMT_PORT=$((MGMT_PORT + i - 1))
  RABBIT_DIST_PORT=$((DIST_PORT + i - 1))
  RABBIT_BASE=$(state_dir "broker-cluster/node-$i" "$RABBIT_USER")
  RABBIT_CONF="$RABBIT_BASE/config"
}

# prepare I: folders, configuration, and the cookie node 1 made (nodes of one cluster must share it).
prepare() {
  node "$1"
  owned_dirs "$RABBIT_USER" "$(dirname "$RABBIT_BASE")"
  if (($1 > 1)); then
    local first
    first="$(node 1; echo "$RABBIT_BASE")/.erlang.cookie"
    owned_dirs "$RABBIT_USER" "$RABBIT_BASE"
    if ! cmp -s "$first" "$RABBIT_BASE/.erlang.cookie" 2>/dev/null; then
      rm -f "$RABBIT_BASE/.erlang.cookie"
      install -m 400 "$first" "$RABBIT_BASE/.erlang.cookie"
      [[ $EUID -ne 0 ]] || chown "$RABBIT_USER:" "$RABBIT_BASE/.erlang.cookie"
    fi
  fi
  rabbit_home
  rabbit_init
  cat >>"$RABBIT_CONF/rabbitmq.conf" <<EOF
cluster_name = migration-local
# a node that lost its peers keeps serving what it can; quorum queues need a majority anyway
cluster_partition_handling = ignore
EOF
}

await_node() {
  node "$1"
  rabbit_await "$BOOT_TIMEOUT"
}

boot_node() {
  node "$1"
  log "starting $RABBIT_NODE (AMQP 127.0.0.1:$RABBIT_PORT, management $RABBIT_MGMT_PORT, log: $RABBIT_BASE/log)"
  rabbit rabbitmq-server -detached   # returns at once
}

all_answer() {
  local i
  for ((i = 1; i <= NODES; i++)); do (node "$i"; rabbit_answers) || return 1; done
}

cmd_start() {
  if all_answer; then
    log "reusing the running cluster of $NODES nodes"
    return
  fi
  local i
  cmd_stop_quietly
  # A fresh cluster every time: a half-stopped old one would wait for the peer it saw last.
  for ((i = 1; i <= NODES; i++)); do
    node "$i"
    rm -rf "$RABBIT_BASE/mnesia"
    prepare "$i"
  done
  for ((i = 1; i <= NODES; i++)); do boot_node "$i"; done
  for ((i = 1; i <= NODES; i++)); do await_node "$i"; done
  for ((i = 2; i <= NODES; i++)); do
    node "$i"
    log "joining $RABBIT_NODE to migration-1@localhost"
    rabbit rabbitmqctl -q stop_app >/dev/null
    rabbit rabbitmqctl -q join_cluster migration-1@localhost >/dev/null
    rabbit rabbitmqctl -q start_app >/dev/null
  done
  node 1
  log "cluster of $NODES ready in ${SECONDS}s: $(running_members)"
}

running_members() {
  rabbit rabbitmqctl -q cluster_status --formatter json 2>/dev/null |
    grep -o '"running_nodes":\[[^]]*\]' | sed 's/"running_nodes"://' || echo "?"
}

cmd_stop_quietly() {
  local i
  for ((i = 1; i <= NODES; i++)); do
    node "$i"
    if rabbit_registered; then rabbit rabbitmqctl -q shutdown >/dev/null 2>&1 || kill_node "$i"; fi
  done
  epmd_kill
}

cmd_stop() {
  log "stopping the cluster's nodes"
  cmd_stop_quietly
}

# node_pid I: the OS process of node I's Erlang VM (from the pid file the node writes on boot).
node_pid() {
  node "$1"
  local file="$RABBIT_BASE/mnesia/$RABBIT_NODE.pid"
  [[ -s $file ]] && cat "$file" || rabbit rabbitmqctl -q eval 'os:getpid().' | tr -d '"'
}

kill_node() {
  local pid
  pid=$(node_pid "$1") || die "node $1: no process found"
  node "$1"
  log "SIGKILL to $RABBIT_NODE (pid $pid)"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$RABBIT_BASE/mnesia/$RABBIT_NODE.pid"
}

cmd_status() {
  local i rc=0
  for ((i = 1; i <= NODES; i++)); do
    node "$i"
    if rabbit_answers; then
      echo "node $i: $RABBIT_NODE answering (AMQP 127.0.0.1:$RABBIT_PORT, management 127.0.0.1:$RABBIT_MGMT_PORT), running members $(running_members)"
    else
      echo "node $i: $RABBIT_NODE not answering"; rc=1
    fi
  done
  return "$rc"
}

cmd_env() {
  local i nodes=() management=()
  for ((i = 0; i < NODES; i++)); do
    nodes+=("127.0.0.1:$((AMQP_PORT + i))")
    management+=("http://guest:guest@127.0.0.1:$((MGMT_PORT + i))/")
  done
  echo "export MIGRATION_RABBITMQ='amqp://guest:guest@127.0.0.1:$AMQP_PORT/'"
  echo "export MIGRATION_RABBITMQ_MANAGEMENT='http://guest:guest@127.0.0.1:$MGMT_PORT/'"
  echo "export MIGRATION_RABBITMQ_NODES='$(IFS=,; echo "${nodes[*]}")'"
  echo "export MIGRATION_RABBITMQ_MANAGEMENT_NODES='$(IFS=,; echo "${management[*]}")'"
}

case "${1:-}" in
  start) ensure_rabbitmq; cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  kill-node) kill_node "${2:?node number}" ;;
  stop-node) node "${2:?node number}"; log "shutting $RABBIT_NODE down"; rabbit rabbitmqctl -q shutdown >/dev/null ;;
  start-node) prepare "${2:?node number}"; boot_node "$2"; await_node "$2"; log "$RABBIT_NODE back: $(running_members)" ;;
  *) echo "usage: $0 start|stop|status|env|kill-node N|stop-node N|start-node N" >&2; exit 2 ;;
esac
