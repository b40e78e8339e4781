-- Blog slugs become unique among live (not soft-deleted) rows, enforced by the database: the old
-- backend only looked before inserting, so two concurrent creations could both pass. A deleted
-- row keeps its slug and no longer blocks it.
--
-- Existing duplicates are renamed first, so adoption never fails: the oldest row keeps the slug
-- (the row by-slug reads found), each later one becomes "<slug>-<id>". Those later rows were
-- unreachable by slug anyway.
DO $$
DECLARE
    r record;
    candidate text;
BEGIN
    FOR r IN
        SELECT c.id, c.slug FROM post_categories c
        WHERE c.delete_at IS NULL
          AND EXISTS (SELECT 1 FROM post_categories o WHERE o.delete_at IS NULL AND o.slug = c.slug AND o.id < c.id)
        ORDER BY c.id
    LOOP
        candidate := r.slug || '-' || r.id;
        WHILE EXISTS (SELECT 1 FROM post_categories WHERE delete_at IS NULL AND slug = candidate) LOOP
            candidate := candidate || '-' || r.id;
        END LOOP;
        UPDATE post_categories SET slug = candidate, updated_at = now() WHERE id = r.id;
    END LOOP;

    FOR r IN
        SELECT p.id, p.slug FROM posts p
        WHERE p.delete_at IS NULL
          AND EXISTS (SELECT 1 FROM posts o WHERE o.delete_at IS NULL AND o.slug = p.slug AND o.id < p.id)
        ORDER BY p.id
    LOOP
        candidate := r.slug || '-' || r.id;
        WHILE EXISTS (SELECT 1 FROM posts WHERE delete_at IS NULL AND slug = candidate) LOOP
            candidate := candidate || '-' || r.id;
        END LOOP;
        UPDATE posts SET slug = candidate, updated_at = now() WHERE id = r.id;
    END LOOP;
END $$;

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
