#!/usr/bin/env bash
# Healthy when a backup could run now: both databases answer, the destination and the metrics
# folder are writable, and the backup scripts are mounted.
set -Eeuo pipefail

pg_isready -q -d "$BACKEND_DATABASE_URL"
pg_isready -q -d "$MOODLE_DATABASE_URL"
[ -w "$BACKUP_DIR" ]
[ -w "$BACKUP_METRICS_DIR" ]
[ -r /opt/lafaom/scripts/backup.sh ]
