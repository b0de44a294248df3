#!/usr/bin/env bash
# The benchmark command: every benchmark of docs/benchmarks.md in one run, on this machine's private PostgreSQL and
# RabbitMQ (installed and started when needed, as for the tests), each against a baseline measured in the same run:
# event delivery against raw MassTransit, the gateway against direct calls, the registry import against raw batched
# appends, and the stage-1 program end to end (with every process's memory idle and under load). Ends with the
# headline figures against the targets, also written to artifacts/benchmarks/summary.md. About a quarter of an hour
# at the defaults on a quiet machine; --factors 1,10 adds ten times stage 1 (about an hour more on two cores).
#
#   bash deploy/benchmark.sh [--factors 1,10] [--persons 1000000] [--raw-events 50000] [--out DIR]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

bash deploy/local/install-prerequisites.sh
bash deploy/local/servers.sh start
eval "$(bash deploy/local/servers.sh env)"
export MIGRATION_POSTGRES MIGRATION_RABBITMQ MIGRATION_RABBITMQ_MANAGEMENT
# Where the private servers keep their state: the program benchmark reads PostgreSQL's CPU time from its pid file.
export MIGRATION_LOCAL_DIR="${MIGRATION_LOCAL_DIR:-$repo/.local}"

dotnet build benchmarks/Migration.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet benchmarks/Migration.Benchmarks/bin/Release/net10.0/Migration.Benchmarks.dll all "$@"
