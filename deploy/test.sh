#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, starts (or reuses) private PostgreSQL and
# RabbitMQ servers on loopback, builds the solution, runs every test project against those real servers, and ends
# with the line "N passed, N failed" computed from the test results. Exits non-zero when any test failed.
#
#   bash deploy/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Registry]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
results="$repo/artifacts/test-results"
configuration="${CONFIGURATION:-Release}"

say() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }

bash deploy/local/install-prerequisites.sh
bash deploy/local/servers.sh start
eval "$(bash deploy/local/servers.sh env)"
export MIGRATION_POSTGRES MIGRATION_RABBITMQ MIGRATION_RABBITMQ_MANAGEMENT

say "building the solution ($configuration)"
dotnet build Migration.sln -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly

rm -rf "$results"
mkdir -p "$results"
projects=(tests/*.Tests/*.Tests.csproj)
say "running ${#projects[@]} test projects"
status=0
if [ "$#" -eq 0 ]; then
  # The fault run kills service instances and restarts its own PostgreSQL and RabbitMQ: it runs alone, after the
  # rest, so that no other test's load stretches its recovery times.
  dotnet test Migration.sln -c "$configuration" --no-build --nologo --filter "FullyQualifiedName!~Migration.FaultRun.Tests" || status=$?
  say "running the fault run (tests/Migration.FaultRun.Tests) alone"
  dotnet test tests/Migration.FaultRun.Tests -c "$configuration" --no-build --nologo || status=$?
else
  dotnet test Migration.sln -c "$configuration" --no-build --nologo "$@" || status=$?
fi

# Count from the results files themselves: one TRX per test project that ran.
read -r passed failed files < <(
  python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = files = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    files += 1
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed, files)
PY
)
if [ "$files" -lt "${#projects[@]}" ] && [ "$#" -eq 0 ]; then
  say "only $files of ${#projects[@]} test projects reported results: counting each missing one as a failure"
  failed=$((failed + ${#projects[@]} - files))
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit "$status"
