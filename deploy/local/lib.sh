# shellcheck shell=bash
# Common settings and functions for the local PostgreSQL 15 + RabbitMQ servers
# (no Docker). Sourced by servers.sh, run-postgres.sh and run-rabbitmq.sh.
#
# Everything listens on 127.0.0.1 only. Ports (override through the environment):
#   MIGRATION_PG_PORT (5433), MIGRATION_RABBIT_PORT (5672),
#   MIGRATION_RABBIT_MGMT_PORT (15672), MIGRATION_EPMD_PORT (4371),
#   MIGRATION_RABBIT_DIST_PORT (AMQP port + 20000 = 25672; the CLI tools use
#   that + 10000 .. + 10010).
# State lives in $REPO/.local/ (git-ignored), or in MIGRATION_LOCAL_DIR when set.

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$LIB_DIR/../.." && pwd)
LOCAL_DIR="${MIGRATION_LOCAL_DIR:-$REPO/.local}"

PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_BIN=/usr/lib/rabbitmq/bin
PG_PORT=${MIGRATION_PG_PORT:-5433}
RABBIT_PORT=${MIGRATION_RABBIT_PORT:-5672}
RABBIT_MGMT_PORT=${MIGRATION_RABBIT_MGMT_PORT:-15672}
EPMD_PORT=${MIGRATION_EPMD_PORT:-4371}
RABBIT_DIST_PORT=${MIGRATION_RABBIT_DIST_PORT:-$((RABBIT_PORT + 20000))}
RABBIT_NODE=migration@localhost

# Servers run under their own accounts when we are root (PostgreSQL refuses
# root); a non-root caller runs them as itself.
if [[ $EUID -eq 0 ]]; then PG_USER=postgres RABBIT_USER=rabbitmq; else PG_USER=$(id -un) RABBIT_USER=$PG_USER; fi

log() { echo "[$(date +%T)] $*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

# exec_as USER CMD...: replace this (sub)shell by CMD, dropped to USER when we
# are root (setpriv keeps the environment and the process stays signalable).
exec_as() {
  local user=$1; shift
  if [[ $EUID -eq 0 && $user != root ]]; then
    exec setpriv --reuid="$user" --regid="$user" --init-groups -- "$@"
  fi
  exec "$@"
}
# run_as USER CMD...: the same, in a child process.
run_as() { ( exec_as "$@" ); }

# Absolute paths everywhere; a cwd like /root would only make the servers warn.
cd /
[[ -d $LOCAL_DIR ]] || mkdir -m 755 "$LOCAL_DIR"

# state_dir NAME USER: $REPO/.local/NAME, unless USER cannot traverse the repo
# path (e.g. /work/main not world-executable): then the state goes to
# /var/tmp/migration-<hash of repo path>/NAME instead.
state_dir() {
  if [[ $EUID -ne 0 ]] || run_as "$2" test -x "$LOCAL_DIR"; then
    echo "$LOCAL_DIR/$1"
  else
    local alt
    alt="/var/tmp/migration-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
    mkdir -p "$alt" && chmod 755 "$alt"
    echo "$alt/$1"
  fi
}

# owned_dirs USER DIR...: create directories that belong to USER.
owned_dirs() {
  local user=$1; shift
  mkdir -p "$@"
  if [[ $EUID -eq 0 ]]; then chown "$user:" "$@"; fi
}

# ---------------------------------------------------------------- PostgreSQL
[[ -x $PG_BIN/postgres ]] || die "PostgreSQL 15 binaries not found in $PG_BIN (install postgresql-15)"
PG_BASE=$(state_dir postgres "$PG_USER")
PG_DATA="$PG_BASE/data"
PG_LOG="$PG_BASE/log"
PG_SOCK="$PG_BASE/sock"   # keep the path short: sockets are limited to 107 bytes

pg_answers() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

# pg_init: create the cluster once (user postgres, password "postgres"), and
# write the runtime settings (port may change between runs) on every call.
pg_init() {
  owned_dirs "$PG_USER" "$PG_BASE" "$PG_LOG" "$PG_SOCK"
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "initdb $PG_DATA"
    local tmp="$PG_BASE/data.init" pwfile="$PG_BASE/pwfile"
    rm -rf "$tmp"
    echo postgres >"$pwfile"
    [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$pwfile"
    # Initialise aside and rename, so an interrupted initdb never leaves a half cluster.
    run_as "$PG_USER" "$PG_BIN/initdb" -D "$tmp" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >"$PG_LOG/initdb.log"
    rm -f "$pwfile"
    echo "include = 'migration.conf'" >>"$tmp/postgresql.conf"
    mv "$tmp" "$PG_DATA"
  fi
  # Both pg_ctl (detached) and the foreground script read this file.
  run_as "$PG_USER" tee "$PG_DATA/migration.conf" >/dev/null <<EOF
# written by deploy/local/lib.sh on every start
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 300
EOF
}

# pg_owns_running: our data directory has a live postmaster.
pg_owns_running() { run_as "$PG_USER" "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# ------------------------------------------------------------------ RabbitMQ
ensure_rabbitmq() {
  [[ -x $RABBIT_BIN/rabbitmq-server ]] && return
  if [[ $EUID -eq 0 ]]; then
    log "installing rabbitmq-server from apt"
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends rabbitmq-server
    # If the package started a system node (it does not without systemd), stop
    # it: it would take 5672 and listen beyond loopback.
    systemctl stop rabbitmq-server 2>/dev/null || service rabbitmq-server stop 2>/dev/null || true
  else
    die "rabbitmq-server is not installed; run as root: apt-get update && apt-get install -y --no-install-recommends rabbitmq-server"
  fi
}

# rabbit_setup: call before any other rabbit_* function (servers.sh and
# run-rabbitmq.sh do; run-postgres.sh does not need RabbitMQ at all).
rabbit_setup() {
  ensure_rabbitmq   # the rabbitmq account exists only once the package is installed
  RABBIT_BASE=$(state_dir rabbitmq "$RABBIT_USER")
  RABBIT_CONF="$RABBIT_BASE/config"
  rabbit_home
}

# rabbit_env: the one set of environment variables that every RabbitMQ tool
# (rabbitmq-server, rabbitmqctl, rabbitmq-diagnostics, ...) must share: node
# name, private epmd port, cookie in $HOME, loopback-only distribution.
# Call it in a subshell: it changes HOME.
rabbit_env() {
  export HOME="$RABBIT_BASE"   # private .erlang.cookie
  export RABBITMQ_NODENAME="$RABBIT_NODE"
  export RABBITMQ_CONF_ENV_FILE="$RABBIT_CONF/rabbitmq-env.conf"   # ignore /etc/rabbitmq
  export RABBITMQ_CONFIG_FILE="$RABBIT_CONF/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_CONF/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_CONF/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RABBIT_BASE/mnesia"
  export RABBITMQ_LOG_BASE="$RABBIT_BASE/log"
  export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"   # the node's inet_dist_listen_min/max
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_DIST_PORT_MIN=$((RABBIT_DIST_PORT + 10000))
  export RABBITMQ_CTL_DIST_PORT_MAX=$((RABBIT_DIST_PORT + 10010))
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_CRASH_DUMP="$RABBIT_BASE/log/erl_crash.dump"
}

# rabbit TOOL ARGS...: run a RabbitMQ tool as the rabbitmq user with rabbit_env.
rabbit() { ( rabbit_env; exec_as "$RABBIT_USER" "$RABBIT_BIN/$1" "${@:2}" ); }

# rabbit_registered: our node is registered with the private epmd (instant,
# boots no Erlang VM, and never starts an epmd as CLI tools do).
rabbit_registered() { epmd -port "$EPMD_PORT" -names 2>/dev/null | grep -q "^name ${RABBIT_NODE%@*} "; }
# rabbit_answers: registered and answers a ping (~1 s: a CLI call boots a VM).
rabbit_answers() { rabbit_registered && rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

# rabbit_home: the state folders and a private Erlang cookie, created before
# any node or CLI tool runs (else the first Erlang VM writes its own cookie).
rabbit_home() {
  owned_dirs "$RABBIT_USER" "$RABBIT_BASE" "$RABBIT_BASE/mnesia" "$RABBIT_BASE/log" "$RABBIT_CONF"
  [[ ! -f $RABBIT_BASE/.erlang.cookie ]] || return 0
  # (not `tr </dev/urandom | head`: its SIGPIPE fails the script under pipefail)
  (umask 077; head -c 32 /dev/urandom | sha256sum | cut -c1-32 >"$RABBIT_BASE/.erlang.cookie")
  chmod 400 "$RABBIT_BASE/.erlang.cookie"
  [[ $EUID -ne 0 ]] || chown "$RABBIT_USER:" "$RABBIT_BASE/.erlang.cookie"
}

# rabbit_init: config files, rewritten on every start (ports may change), and
# the plugin list (what `rabbitmq-plugins enable --offline rabbitmq_management`
# writes), all readable by the rabbitmq user.
rabbit_init() {
  cat >"$RABBIT_CONF/rabbitmq.conf" <<EOF
# written by deploy/local/lib.sh on every start
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
# guest/guest is allowed from loopback (the default, stated for clarity)
loopback_users.guest = true
# log to a file in log/ and to stdout (seen by an orchestrator in the foreground)
log.file = $RABBIT_NODE.log
log.file.level = info
log.console = true
log.console.level = info
EOF
  echo '[rabbitmq_management].' >"$RABBIT_CONF/enabled_plugins"
  : >"$RABBIT_CONF/rabbitmq-env.conf"
  [[ $EUID -ne 0 ]] || chown "$RABBIT_USER:" "$RABBIT_CONF"/*
}

# rabbit_await TIMEOUT: wait until the node has booted; `await_startup` fails at once until the node has registered
# with epmd, so it is retried until TIMEOUT seconds have passed (then the log's tail is shown and the script dies).
rabbit_await() {
  local deadline=$((SECONDS + $1))
  until rabbit rabbitmqctl -q await_startup --timeout "$1" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      tail -n 20 "$RABBIT_BASE/log/$RABBIT_NODE.log" >&2 2>/dev/null || true
      die "RabbitMQ node $RABBIT_NODE did not start within $1s"
    fi
    sleep 1
  done
}

# epmd_kill: the private epmd outlives the node (it daemonises); end it.
epmd_kill() {
  ERL_EPMD_PORT="$EPMD_PORT" epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
}

# ------------------------------------------------------------ foreground helpers
# wait_child PID: wait until the child really exits (a trapped signal interrupts
# `wait`), then return its exit status.
wait_child() {
  local rc=0
  while :; do
    wait "$1" && rc=0 || rc=$?
    kill -0 "$1" 2>/dev/null || return "$rc"
  done
}

# watch_reused WHAT CHECK...: a server we did not start already answers; stay
# alive while it does, exit 0 on SIGTERM/SIGINT without touching it, exit 1
# when it stops answering.
watch_reused() {
  local what=$1; shift
  local sleeper=
  trap 'log "stopping watch on $what (left running)"; [[ -z $sleeper ]] || kill "$sleeper" 2>/dev/null; exit 0' TERM INT
  while "$@"; do
    sleep 5 & sleeper=$!
    wait "$sleeper" || true
  done
  log "$what stopped answering"
  exit 1
}
