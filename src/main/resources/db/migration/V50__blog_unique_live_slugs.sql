-- Blog slugs become unique among live (not soft-deleted) rows, enforced by the database: the old
-- backend only looked before inserting, so two concurrent creations could both pass. A deleted
-- row keeps its slug and no longer blocks it.
--
-- Existing duplicates are renamed first, so adoption never fails: the oldest row keeps the slug
-- (the row by-slug reads found), each later one becomes "<slug>-<id>". Those later rows were
-- unreachable by slug anyway.
CREATE FUNCTION pg_temp.rename_duplicate_live_slugs(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r record;
    candidate text;
    taken boolean;
BEGIN
    FOR r IN EXECUTE format(
        'SELECT t.id, t.slug FROM %1$s t WHERE t.delete_at IS NULL AND EXISTS '
        '(SELECT 1 FROM %1$s o WHERE o.delete_at IS NULL AND o.slug = t.slug AND o.id < t.id) ORDER BY t.id', tbl)
    LOOP
        candidate := r.slug || '-' || r.id;
        LOOP
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE delete_at IS NULL AND slug = $1)', tbl) INTO taken USING candidate;
            EXIT WHEN NOT taken;
            candidate := candidate || '-' || r.id;
        END LOOP;
        EXECUTE format('UPDATE %s SET slug = $1, updated_at = now() WHERE id = $2', tbl) USING candidate, r.id;
    END LOOP;
END $$;

SELECT pg_temp.rename_duplicate_live_slugs('post_categories');
SELECT pg_temp.rename_duplicate_live_slugs('posts');
DROP FUNCTION pg_temp.rename_duplicate_live_slugs(regclass);

CREATE UNIQUE INDEX post_categories_live_slug_key ON post_categories (slug) WHERE delete_at IS NULL;
CREATE UNIQUE INDEX posts_live_slug_key ON posts (slug) WHERE delete_at IS NULL;

-- Sections are read and renumbered per post, in position order.
CREATE INDEX post_sections_post_position_idx ON post_sections (post_id, position, id) WHERE delete_at IS NULL;

-- The admin app sent tags as one form field holding a JSON array string, which the old backend
-- stored as a one-element list: ["[\"sante\",\"dakar\"]"]. Such elements are unfolded into the
-- tags they encode (what the admin app itself does when it edits the post), so tag filters match
-- whole tags. An element that is not valid JSON is kept as it is.
DO $$
DECLARE
    r record;
    e json;
    parsed json;
    flat jsonb;
BEGIN
    FOR r IN
        SELECT id, tags FROM posts
        WHERE json_typeof(tags) = 'array'
          AND EXISTS (SELECT 1 FROM json_array_elements(tags) x
                      WHERE json_typeof(x) = 'string' AND left(ltrim(x #>> '{}'), 1) = '[')
    LOOP
        flat := '[]'::jsonb;
        FOR e IN SELECT value FROM json_array_elements(r.tags) LOOP
            IF json_typeof(e) = 'string' AND left(ltrim(e #>> '{}'), 1) = '[' THEN
                BEGIN
                    parsed := (e #>> '{}')::json;
                    IF json_typeof(parsed) = 'array' THEN
                        flat := flat || coalesce((SELECT jsonb_agg(to_jsonb(v #>> '{}')) FROM json_array_elements(parsed) v), '[]'::jsonb);
                    ELSE
                        flat := flat || jsonb_build_array(e #>> '{}');
                    END IF;
                EXCEPTION WHEN others THEN
                    flat := flat || jsonb_build_array(e #>> '{}');
                END;
            ELSE
                flat := flat || jsonb_build_array(e);
            END IF;
        END LOOP;
        UPDATE posts SET tags = flat::json WHERE id = r.id;
    END LOOP;
END $$;
