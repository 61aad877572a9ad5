-- The page cache's generation (issue 12, page cache): every change to a table whose rows public
-- pages show bumps it and tells every instance, in the same transaction as the change, so the
-- admin, the scheduler, a restore from the trash, a purge, the settings and any future write path
-- drop the cached pages without a line of code of their own. A sequence, not a row: writers never
-- wait for each other's lock on it. Tables public pages never read are listed in
-- internal/store/pagecache_test.go, which fails on a table that is on neither side.

-- +goose Up
CREATE SEQUENCE cache_generation;

-- pages_changed takes one generation per transaction (kept in a transaction-local setting), so a
-- transaction of a thousand statements sends one notification, which PostgreSQL delivers at
-- commit, and none when it rolls back.
-- +goose StatementBegin
CREATE FUNCTION pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    generation text := current_setting('twincities.cache_generation', true);
BEGIN
    IF generation IS NULL OR generation = '' THEN
        generation := nextval('cache_generation')::text;
        PERFORM set_config('twincities.cache_generation', generation, true);
    END IF;
    PERFORM pg_notify('twincities_pages', generation);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cities', 'events', 'organizations', 'awards', 'pages', 'news', 'news_cities',
        'places', 'images', 'image_files', 'city_photos', 'settings'] LOOP
        EXECUTE format('CREATE TRIGGER pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION pages_changed()', t);
    END LOOP;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cities', 'events', 'organizations', 'awards', 'pages', 'news', 'news_cities',
        'places', 'images', 'image_files', 'city_photos', 'settings'] LOOP
        EXECUTE format('DROP TRIGGER pages_changed ON %I', t);
    END LOOP;
END
$$;
-- +goose StatementEnd
DROP FUNCTION pages_changed();
DROP SEQUENCE cache_generation;
