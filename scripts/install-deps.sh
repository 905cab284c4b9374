#!/usr/bin/env bash
# Installs every Debian package ChainCRM needs to build, test and run. Idempotent:
# does nothing when all packages are already present. Non-interactive (CI runs as root).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang-format
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql postgresql-contrib
  libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  libeigen3-dev libnlopt-cxx-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
  chromium chromium-driver fonts-noto-cjk
  curl wrk python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian on some machines: accept any working npm.
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  keep=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || keep+=("$p"); done
  missing=("${keep[@]}")
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "==> installing Debian packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
