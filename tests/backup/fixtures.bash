# shellcheck shell=bash
# Test data for the backup suite and bench/backup.sh: databases built from the real migrations
# and seeded in every table, a Moodle-like database, moodledata and uploads folders, and
# fingerprints (rows per table, sequences, schema, files) to compare before and after a restore.

FIXTURES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$FIXTURES_DIR/../.." && pwd)"
# The PostgreSQL server the tests use: CI and the dev machines run one at 127.0.0.1:5432.
: "${LAFAOM_TEST_PG_BASE:=postgresql://postgres@127.0.0.1:5432}"

fixture_url() {
  printf '%s/%s\n' "$LAFAOM_TEST_PG_BASE" "$1"
}

fixture_psql() {
  local db="$1"
  shift
  PGOPTIONS='-c client_min_messages=warning' \
    psql -X -q -v ON_ERROR_STOP=1 --no-password -d "$(fixture_url "$db")" "$@"
}

fixture_drop_db() {
  fixture_psql postgres -v db="$1" <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE);'
}

# fixture_copy_db TEMPLATE NAME: a fresh copy, cheap enough for every test.
fixture_copy_db() {
  fixture_drop_db "$2"
  fixture_psql postgres -v tpl="$1" -v db="$2" <<<'CREATE DATABASE :"db" TEMPLATE :"tpl";'
}

# The backend's schema: every Flyway migration, in version order, applied with psql (they are
# plain SQL), then one row in every table.
fixture_create_backend_db() {
  local db="$1" file
  fixture_drop_db "$db"
  fixture_psql postgres -v db="$db" <<<'CREATE DATABASE :"db";'
  while IFS= read -r file; do
    fixture_psql "$db" -f "$file" >/dev/null || {
      echo "migration $file failed on $db" >&2
      return 1
    }
  done < <(find "$REPO_ROOT/src/main/resources/db/migration" -name 'V*__*.sql' \
    | sed -E 's#^(.*/V([0-9]+)__[^/]*)$#\2 \1#' | sort -n | cut -d' ' -f2-)
  fixture_psql "$db" -f "$FIXTURES_DIR/seed-every-table.sql" >/dev/null
}

fixture_create_moodle_db() {
  local db="$1" rows="${2:-2000}"
  fixture_drop_db "$db"
  fixture_psql postgres -v db="$db" <<<'CREATE DATABASE :"db";'
  fixture_psql "$db" -v rows="$rows" -f "$FIXTURES_DIR/moodle-like.sql" >/dev/null
}

# Tables of DB with no row (the seed must leave none).
fixture_empty_tables() {
  fixture_psql "$1" -At <<'SQL'
SELECT format('%I.%I', table_schema, table_name)
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
  AND (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
       false, true, '')))[1]::text = '0'
ORDER BY 1;
SQL
}

# Every table's row count and a hash of all its rows, every sequence's state, and the schema.
fixture_db_fingerprint() {
  local db="$1"
  fixture_psql "$db" -At <<'SQL'
SET TimeZone = 'UTC';
SELECT 'table ' || format('%I.%I', table_schema, table_name) || ' ' ||
       (xpath('/row/f/text()', query_to_xml(format(
          'SELECT count(*) || '' '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) AS f FROM %I.%I t',
          table_schema, table_name), false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1;
SELECT 'sequence ' || format('%I.%I', schemaname, sequencename) || ' ' || coalesce(last_value::text, 'unused')
FROM pg_sequences ORDER BY 1;
SQL
  pg_dump --schema-only --no-password -d "$(fixture_url "$db")" | grep -Ev '^(--|$|\\(un)?restrict )' \
    | sed 's/^/schema /'
}

# moodledata with Moodle's layout, the folders that must be left out, and awkward names.
fixture_create_moodledata() {
  local dir="$1" i hash
  rm -rf -- "$dir"
  mkdir -p -- "$dir"/{filedir,muc,lang/fr_local,repository/empty,cache/cachestore_file,localcache/theme,sessions,temp/backup,trashdir/ab/cd}
  for i in 1 2 3 4 5; do
    hash="$(printf 'document %s' "$i" | sha1sum | cut -c1-40)"
    mkdir -p -- "$dir/filedir/${hash:0:2}/${hash:2:2}"
    printf 'document %s' "$i" >"$dir/filedir/${hash:0:2}/${hash:2:2}/$hash"
  done
  head -c 1048576 /dev/urandom >"$dir/filedir/large-video.bin"
  # A folder named like an excluded one, but deeper: it must be kept.
  mkdir -p -- "$dir/filedir/ab/cache"
  printf 'kept\n' >"$dir/filedir/ab/cache/keep-me"
  # shellcheck disable=SC2016 # PHP, not shell
  printf '<?php $configuration = array();\n' >"$dir/muc/config.php"
  printf 'données été, « guillemets »\n' >"$dir/lang/fr_local/données été.txt"
  : >"$dir/empty file"
  chmod 600 -- "$dir/muc/config.php"
  chmod 2770 -- "$dir/lang"
  printf 'cache\n' >"$dir/cache/cachestore_file/x.cache"
  printf 'local\n' >"$dir/localcache/theme/x.css"
  printf 'session\n' >"$dir/sessions/sess_0123456789"
  printf 'temp\n' >"$dir/temp/backup/partial.mbz"
  printf 'deleted\n' >"$dir/trashdir/ab/cd/abcd0000"
}

fixture_create_uploads() {
  local dir="$1"
  rm -rf -- "$dir"
  mkdir -p -- "$dir/registrations/2026" "$dir/avatars"
  head -c 200000 /dev/urandom >"$dir/registrations/2026/diplôme de Awa.pdf"
  head -c 5000 /dev/urandom >"$dir/avatars/user-1.png"
  printf 'cv\n' >"$dir/registrations/cv.txt"
}

# Every entry's type, mode, owner and path, and every file's SHA-256; excluded top-level
# folders (for moodledata) are left out of the comparison.
fixture_dir_fingerprint() {
  local dir="$1"
  shift
  local prune=() name
  for name in "$@"; do
    prune+=(-path "./$name" -prune -o)
  done
  (
    cd -- "$dir" || exit 1
    find . -mindepth 1 "${prune[@]}" -printf '%y %m %U:%G %p\n' | LC_ALL=C sort
    find . -mindepth 1 "${prune[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
  )
}
