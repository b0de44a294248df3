#!/usr/bin/env bash
# Installs the servers the system and its tests run on, when they are missing: PostgreSQL 15 binaries,
# rabbitmq-server and Chromium (for the web application's browser tests) from Debian's packages (as root), or says
# exactly what to install (as anyone else).
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The web application's browser tests drive Debian's Chromium (Playwright uses it as it is; no browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} from apt …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# apt starts no service here and the servers run privately from deploy/local; stop any the package started.
if command -v rabbitmqctl >/dev/null 2>&1; then rabbitmqctl -q shutdown >/dev/null 2>&1 || true; fi
