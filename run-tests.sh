#!/usr/bin/env bash
# Runs every test of the platform: the backend's (unit, HTTP integration against a real PostgreSQL,
# module boundaries), then the production-stack checks and the backup/restore suite when present.
# Each suite installs what it needs; the first failure stops the run with a non-zero exit.
set -Eeuo pipefail
cd "$(dirname "$0")"

./mvnw -B --no-transfer-progress verify

for suite in tests/stack/run.sh tests/backup/run.sh; do
  if [ -f "$suite" ]; then
    echo "== $suite"
    bash "$suite"
  fi
done
