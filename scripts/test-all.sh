#!/usr/bin/env bash
# The whole suite: types, unit + integration tests on PGlite, the integration tests again on a
# real PostgreSQL 15 server, then Playwright against the production build. Ends with one line
# "N passed, N failed" counted over every runner.
set -uo pipefail
cd "$(dirname "$0")/.."

results=.test-results
rm -rf "$results" && mkdir -p "$results"
failures=0
step() { printf '\n=== %s ===\n' "$*"; }

step "Type check"
if ! npx tsc --noEmit; then failures=$((failures + 1)); echo "type check failed" >>"$results/steps-failed.txt"; fi

step "Lint"
if ! npx eslint .; then failures=$((failures + 1)); echo "lint failed" >>"$results/steps-failed.txt"; fi

step "Focused tests"
# it.only / test.only / describe.only would quietly skip the rest of a suite.
if grep -rnE '\b(it|test|describe)\.only\(' --include='*.ts' --include='*.tsx' \
  --exclude-dir=node_modules --exclude-dir='.next*' --exclude-dir=.data --exclude-dir=.git .; then
  failures=$((failures + 1)); echo "focused tests (.only) found" >>"$results/steps-failed.txt"
else
  echo "none"
fi

step "Unit and integration tests (embedded PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-pglite.json" || true

step "Integration tests (PostgreSQL 15 server)"
pg_dir=$(mktemp -d /tmp/holdfast-pg.XXXXXX)
trap 'bash scripts/pg-server.sh stop "$pg_dir"' EXIT
pg_url=""
if pg_url=$(bash scripts/pg-server.sh start "$pg_dir"); then
  TEST_DATABASE_URL="$pg_url" npx vitest run --project integration --project integration-isolated \
    --reporter=default --reporter=json \
    --outputFile.json="$results/vitest-postgres.json" || true
else
  pg_url=""
  echo "could not start PostgreSQL (see $pg_dir)" | tee -a "$results/steps-failed.txt"
  failures=$((failures + 1))
fi

step "Production build"
if node node_modules/next/dist/bin/next build; then
  step "End-to-end tests (Playwright, Chromium; sign-in also on the PostgreSQL server)"
  E2E_DATABASE_URL="${pg_url:+${pg_url%/postgres}/holdfast_e2e}" npx playwright test || true
else
  echo "next build failed" >>"$results/steps-failed.txt"
  failures=$((failures + 1))
fi

step "Summary"
node scripts/test-summary.mjs "$results" "$failures"
