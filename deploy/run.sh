#!/usr/bin/env bash
# The run command: the whole system (PostgreSQL, RabbitMQ, the four services, the gateway, the web application at
# /app, the Aspire dashboard)
# loaded with the demo, in the foreground. Ctrl-C or SIGTERM stops everything.
#
#   bash deploy/run.sh
#
# Idempotent: installs what is missing (PostgreSQL 15 and rabbitmq-server from apt when root, else says what to
# install), builds the solution (Release), then runs the Aspire AppHost (deploy/Migration.AppHost). Without a Docker
# engine the servers run as local processes with their data under .local/ (kept between runs); with one they run
# as containers. Servers already answering on their ports (e.g. from deploy/local/servers.sh start) are reused
# and left running on exit.
#
# Environment: CONFIGURATION (Release), MIGRATION_GATEWAY_PORT (8080), MIGRATION_DASHBOARD_PORT (18888),
# MIGRATION_PG_PORT (5433), MIGRATION_RABBIT_PORT (5672), MIGRATION_RABBIT_MGMT_PORT (15672),
# MIGRATION_SERVERS (auto | local | containers).
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
configuration="${CONFIGURATION:-Release}"
gateway_port="${MIGRATION_GATEWAY_PORT:-8080}"
dashboard_port="${MIGRATION_DASHBOARD_PORT:-18888}"
otlp_port=$((dashboard_port + 1))
resource_service_port=$((dashboard_port + 2))
pg_port="${MIGRATION_PG_PORT:-5433}"
rabbit_port="${MIGRATION_RABBIT_PORT:-5672}"
epmd_port="${MIGRATION_EPMD_PORT:-4371}"
apphost_bin="$repo/deploy/Migration.AppHost/bin/$configuration/net10.0/Migration.AppHost"
gateway_url="http://localhost:$gateway_port"
dashboard_url="http://localhost:$dashboard_port"

say() { printf '[%(%H:%M:%S)T] run: %s\n' -1 "$*"; }
die() { printf '[%(%H:%M:%S)T] run: error: %s\n' -1 "$*" >&2; exit 1; }
listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# ------------------------------------------------------------------ prerequisites
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install it (https://dot.net) and run again"
command -v ss >/dev/null 2>&1 || die "ss is missing: install iproute2"
if timeout 5 docker info >/dev/null 2>&1; then
  say "a Docker engine answers: the AppHost runs PostgreSQL and RabbitMQ as containers"
else
  # PostgreSQL 15 binaries, rabbitmq-server (and python3): from apt when root, else a message naming them.
  bash deploy/local/install-prerequisites.sh || die "prerequisites are missing (see above)"
fi

for port in "$gateway_port" 8081 8082 8083 8084 8085 8086 "$dashboard_port" "$otlp_port" "$resource_service_port"; do
  if listening "$port"; then
    die "port $port is already in use (is the system already running?): $(ss -Hltnp "sport = :$port" | sed 's/.*users://' | head -1)"
  fi
done
reused=()
if listening "$pg_port"; then reused+=("PostgreSQL on 127.0.0.1:$pg_port"); fi
if listening "$rabbit_port"; then reused+=("RabbitMQ on 127.0.0.1:$rabbit_port"); fi

# ------------------------------------------------------------------ build
say "building Migration.sln ($configuration)"
dotnet build Migration.sln -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly -v:q || die "the build failed"
[[ -x $apphost_bin ]] || die "the AppHost was not built: $apphost_bin"

# ------------------------------------------------------------------ run
cat <<EOF

  Gateway:    $gateway_url    (ready when $gateway_url/health/ready answers 200; a READY line follows)
  Web app:    $gateway_url/app/   (staff log in as a role name, e.g. caseworker, with the password dev-password)
  Dashboard:  $dashboard_url   (no login: anonymous access for local development)
  Token:      curl -s -X POST $gateway_url/connect/token -d grant_type=client_credentials -d client_id=registry-clerk -d client_secret=dev-secret
  Stop:       Ctrl-C (or SIGTERM to this script)

EOF
for server in "${reused[@]}"; do say "reusing $server (already running; left running on exit)"; done

# The AppHost's own settings (the same as its launch profile): dashboard, OTLP and resource service over plain
# http on loopback, anonymous dashboard access.
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="$dashboard_url"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$otlp_port"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$resource_service_port"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS="${ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS:-true}"
export DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS="$ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"
export MIGRATION_GATEWAY_PORT="$gateway_port"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Its own process group (job control on), so that it is signalled as a group and a terminal's Ctrl-C reaches
# only this script, which then stops it in order. (A job started with & from a non-interactive shell would
# ignore SIGINT: the stop signal is SIGTERM.)
set -m
(cd "$repo/deploy/Migration.AppHost" && exec "$apphost_bin") </dev/null &
apphost=$!
set +m
say "AppHost started (pid and process group $apphost)"

# tree PID...: those processes and all their descendants.
tree() {
  ps -eo pid=,ppid= | awk -v roots="$*" '
    BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1 }
    { parent[$1] = $2 }
    END {
      do { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } } while (changed)
      for (p in keep) print p
    }'
}

stop_requested_at=
watched=()
request_stop() {
  [[ -z $stop_requested_at ]] || return 0
  stop_requested_at=$SECONDS
  # Everything this run started: the AppHost, DCP (its own session) and their descendants, to check afterwards.
  mapfile -t watched < <(tree "$apphost" $(pgrep -f -- "dcp .*--monitor $apphost( |$)"))
  echo
  say "stopping: SIGTERM to the AppHost's process group $apphost (applications first, then the servers)"
  kill -TERM -- "-$apphost" 2>/dev/null || true
}
trap request_stop TERM INT HUP

while kill -0 "$apphost" 2>/dev/null; do
  if [[ -n $stop_requested_at ]] && ((SECONDS - stop_requested_at > 120)); then
    say "the AppHost did not stop within 120 s: SIGKILL to its process group"
    kill -KILL -- "-$apphost" 2>/dev/null || true
  fi
  sleep 1 &
  wait $! 2>/dev/null || true
done
wait "$apphost" 2>/dev/null
rc=$?
trap - TERM INT HUP

# running PID: the process exists and is not a zombie (an exited child that its parent has not reaped yet).
running() { local stat; stat=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $stat != Z* ]]; }

# DCP (the orchestrator, in its own session) watches the AppHost and tears down what is left: wait for it and
# for everything else this run started.
for _ in $(seq 1 60); do
  busy=0
  for pid in "${watched[@]}"; do if running "$pid"; then busy=1; break; fi; done
  ((busy)) || break
  sleep 0.5
done
# RabbitMQ's private epmd outlives the node when the node was killed; end it if no node is registered with it
# (epmd -kill refuses while a node is registered, so a reused server is never touched).
if command -v epmd >/dev/null 2>&1 && ! epmd -port "$epmd_port" -names 2>/dev/null | grep -q '^name '; then
  ERL_EPMD_PORT="$epmd_port" epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
fi

left=
for pid in "${watched[@]}"; do
  if running "$pid"; then left+="$(ps -o pid=,user=,args= -p "$pid")"$'\n'; fi
done
if [[ -n $left ]]; then
  say "still running after the stop:"
  printf '%s' "$left" | cut -c1-200 >&2
  exit 1
fi
if [[ -n $stop_requested_at ]]; then
  say "stopped in $((SECONDS - stop_requested_at)) s; nothing of this run is left running"
  exit 0
fi
say "the AppHost exited on its own (exit code $rc)"
exit "$rc"
