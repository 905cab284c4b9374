#!/usr/bin/env bash
# Everything CI runs: format check, web lint and unit tests, then one ctest run with the
# C++ unit tests, the integration suite on SQLite and on a throw-away PostgreSQL, and
# the browser end-to-end tests in headless Chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "==> format check (clang-format)"
mapfile -t cxx < <(git ls-files 'src/*.h' 'src/*.cc' 'tests/*.h' 'tests/*.cc' 'bench/*.h' 'bench/*.cc')
clang-format --dry-run -Werror "${cxx[@]}"

echo "==> web app: install, lint, unit tests, build"
bash scripts/build-web.sh
(cd web && npm run lint --silent && npm test --silent)

echo "==> integration test tools (OpenAPI linter)"
(cd tests/integration && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })

echo "==> build (debug, AddressSanitizer + UBSan)"
cmake --preset dev >/dev/null
cmake --build --preset dev

echo "==> build (release, as make build / make run use it)"
cmake --preset release >/dev/null
cmake --build --preset release

echo "==> tests (unit, integration on SQLite and PostgreSQL, e2e)"
bash scripts/with-postgres.sh ctest --preset dev --output-on-failure --timeout 1200
