-- Puts one row into every empty table of the database, whatever the migrations created: the
-- backup tests must prove a round trip of every table, including the ones teammates add later.
-- Tables are filled in passes, so a table whose foreign keys point at empty tables waits for
-- them; values follow each column's type, enum labels and simple CHECK lists. A table that stays
-- empty stops the test with its name and the last error PostgreSQL gave.
DO $seed$
DECLARE
  t record;
  col record;
  progress boolean := true;
  has_rows boolean;
  attempt int;
  cols text[];
  vals text[];
  v text;
  fk record;
  chk text;
  errors jsonb := '{}';
  empty_tables text;
BEGIN
  WHILE progress LOOP
    progress := false;
    FOR t IN
      SELECT c.oid, n.nspname, c.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY n.nspname, c.relname
    LOOP
      EXECUTE format('SELECT EXISTS (SELECT FROM %I.%I)', t.nspname, t.relname) INTO has_rows;
      CONTINUE WHEN has_rows;
      -- Attempt 1 fills every column; 2 uses growing numbers (for CHECK (max > min));
      -- 3 leaves nullable columns NULL (passes most other CHECKs).
      FOR attempt IN 1..3 LOOP
        cols := '{}';
        vals := '{}';
        FOR col IN
          SELECT a.attname, a.attnum, a.attnotnull, a.attidentity, a.attgenerated,
                 format_type(a.atttypid, a.atttypmod) AS typ,
                 coalesce(bt.oid, ty.oid) AS base_oid,
                 coalesce(bt.typname, ty.typname) AS base_name,
                 coalesce(bt.typcategory, ty.typcategory) AS category,
                 coalesce(bt.typtype, ty.typtype) AS typtype,
                 CASE WHEN a.atttypmod > 4 AND coalesce(bt.typname, ty.typname) IN ('varchar', 'bpchar')
                      THEN a.atttypmod - 4 END AS max_len,
                 pg_get_expr(d.adbin, d.adrelid) AS default_expr
          FROM pg_attribute a
          JOIN pg_type ty ON ty.oid = a.atttypid
          LEFT JOIN pg_type bt ON ty.typtype = 'd' AND bt.oid = ty.typbasetype
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum
        LOOP
          -- Identity, generated and serial columns take their own values (so sequences move).
          CONTINUE WHEN col.attidentity <> '' OR col.attgenerated <> ''
                     OR coalesce(col.default_expr, '') LIKE 'nextval(%';
          CONTINUE WHEN attempt = 3 AND NOT col.attnotnull;

          SELECT con.confrelid::regclass AS ref_table, ra.attname AS ref_column INTO fk
          FROM pg_constraint con
          JOIN LATERAL unnest(con.conkey, con.confkey) AS k(local_num, ref_num) ON k.local_num = col.attnum
          JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.ref_num
          WHERE con.conrelid = t.oid AND con.contype = 'f'
          LIMIT 1;

          SELECT substring(pg_get_constraintdef(con.oid) FROM '''((?:[^'']|'''')*)''') INTO chk
          FROM pg_constraint con
          WHERE con.conrelid = t.oid AND con.contype = 'c' AND con.conkey = ARRAY[col.attnum]::int2[]
          LIMIT 1;

          IF fk.ref_table IS NOT NULL THEN
            -- The same referenced row for every column of a composite key: first by ctid.
            v := format('(SELECT %I FROM %s ORDER BY ctid LIMIT 1)', fk.ref_column, fk.ref_table);
          ELSIF col.typtype = 'e' THEN
            SELECT quote_literal(enumlabel) INTO v FROM pg_enum
            WHERE enumtypid = col.base_oid ORDER BY enumsortorder LIMIT 1;
          ELSIF col.category = 'A' THEN
            v := quote_literal('{}');
          ELSIF col.base_name = 'bool' THEN
            v := 'true';
          ELSIF col.category = 'N' THEN
            v := CASE WHEN attempt = 2 THEN col.attnum::text ELSE '1' END;
          ELSIF col.base_name IN ('timestamptz', 'timestamp', 'date') THEN
            v := format('now() + interval ''%s minutes''', col.attnum);
          ELSIF col.base_name IN ('time', 'timetz') THEN
            v := quote_literal('12:00');
          ELSIF col.base_name = 'interval' THEN
            v := quote_literal('1 day');
          ELSIF col.base_name IN ('json', 'jsonb') THEN
            v := quote_literal('{"seed": true, "texte": "données é"}');
          ELSIF col.base_name = 'uuid' THEN
            v := 'gen_random_uuid()';
          ELSIF col.base_name = 'bytea' THEN
            v := quote_literal('\x00ff10');
          ELSIF col.base_name IN ('inet', 'cidr') THEN
            v := quote_literal('127.0.0.1');
          ELSIF col.category = 'S' AND chk IS NOT NULL THEN
            v := quote_literal(replace(chk, '''''', ''''));
          ELSIF col.category = 'S' THEN
            v := format('left(gen_random_uuid()::text || %L, %s)', ' données é ' || col.attname,
                        coalesce(col.max_len, 200));
          ELSE
            v := 'NULL';
          END IF;
          cols := cols || quote_ident(col.attname);
          vals := vals || format('(%s)::%s', v, col.typ);
        END LOOP;
        BEGIN
          IF cardinality(cols) = 0 THEN
            EXECUTE format('INSERT INTO %I.%I DEFAULT VALUES', t.nspname, t.relname);
          ELSE
            EXECUTE format('INSERT INTO %I.%I (%s) VALUES (%s)', t.nspname, t.relname,
                           array_to_string(cols, ', '), array_to_string(vals, ', '));
          END IF;
          progress := true;
          errors := errors - format('%I.%I', t.nspname, t.relname);
          EXIT;
        EXCEPTION WHEN OTHERS THEN
          errors := errors || jsonb_build_object(format('%I.%I', t.nspname, t.relname), SQLERRM);
        END;
      END LOOP;
    END LOOP;
  END LOOP;

  IF errors <> '{}' THEN
    SELECT string_agg(format('%s (%s)', key, value), '; ') INTO empty_tables FROM jsonb_each_text(errors);
    RAISE EXCEPTION 'the seed left tables empty: %', empty_tables
      USING HINT = 'extend tests/backup/seed-every-table.sql for the new column types or constraints';
  END IF;
END
$seed$;
