-- +goose Up

-- Search (issue 10, item 1): PostgreSQL full text over every kind of entry, in both languages.
--
-- Each searchable table gets one generated, stored tsvector, search_doc, that holds its Russian
-- text under the russian configuration and its English text under the english one, weighted:
-- names and titles 'A', summaries and short facts 'B', bodies 'C'. A search asks both
-- configurations at once (websearch_to_tsquery('russian', q) || websearch_to_tsquery('english', q),
-- see internal/store/search.go), so a Russian query and an English one each find what they mean,
-- and either finds an entry through the other language's text. Positions of concatenated vectors
-- are shifted by PostgreSQL, so "phrase" searches keep working within a field.
--
-- Names also get trigram indexes (pg_trgm) in both languages, for forgiving matches of misspelt
-- or partly typed names ("Duisberg", "дуйсбур"). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database's owner may create it without being a superuser. It takes trigrams of the
-- characters the database's LC_CTYPE calls letters; the site's clusters use C.UTF-8, whose
-- character classes cover Cyrillic (a test in internal/store checks show_trgm('дуйсбур')).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE cities ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', name_ru), 'A') ||
    setweight(to_tsvector('english', name_en), 'A') ||
    setweight(to_tsvector('russian', region_ru || ' ' || summary_ru || ' ' || status_note_ru), 'B') ||
    setweight(to_tsvector('english', region_en || ' ' || summary_en || ' ' || status_note_en), 'B') ||
    setweight(to_tsvector('russian', body_ru), 'C') ||
    setweight(to_tsvector('english', body_en), 'C')) STORED;

ALTER TABLE events ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', text_ru), 'C') ||
    setweight(to_tsvector('english', text_en), 'C')) STORED;

ALTER TABLE organizations ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', name_ru || ' ' || short_name_ru), 'A') ||
    setweight(to_tsvector('english', name_en || ' ' || short_name_en), 'A') ||
    setweight(to_tsvector('russian', role_ru), 'B') ||
    setweight(to_tsvector('english', role_en), 'B') ||
    setweight(to_tsvector('russian', description_ru), 'C') ||
    setweight(to_tsvector('english', description_en), 'C')) STORED;

ALTER TABLE awards ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', awarded_by_ru || ' ' || place_ru), 'B') ||
    setweight(to_tsvector('english', awarded_by_en || ' ' || place_en), 'B') ||
    setweight(to_tsvector('russian', description_ru), 'C') ||
    setweight(to_tsvector('english', description_en), 'C')) STORED;

ALTER TABLE pages ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', body_ru), 'C') ||
    setweight(to_tsvector('english', body_en), 'C')) STORED;

CREATE INDEX cities_search_idx        ON cities        USING gin (search_doc);
CREATE INDEX events_search_idx        ON events        USING gin (search_doc);
CREATE INDEX organizations_search_idx ON organizations USING gin (search_doc);
CREATE INDEX awards_search_idx        ON awards        USING gin (search_doc);
CREATE INDEX pages_search_idx         ON pages         USING gin (search_doc);

CREATE INDEX cities_name_ru_trgm_idx        ON cities        USING gin (name_ru gin_trgm_ops);
CREATE INDEX cities_name_en_trgm_idx        ON cities        USING gin (name_en gin_trgm_ops);
CREATE INDEX events_title_ru_trgm_idx       ON events        USING gin (title_ru gin_trgm_ops);
CREATE INDEX events_title_en_trgm_idx       ON events        USING gin (title_en gin_trgm_ops);
CREATE INDEX organizations_name_ru_trgm_idx ON organizations USING gin (name_ru gin_trgm_ops);
CREATE INDEX organizations_name_en_trgm_idx ON organizations USING gin (name_en gin_trgm_ops);
CREATE INDEX awards_title_ru_trgm_idx       ON awards        USING gin (title_ru gin_trgm_ops);
CREATE INDEX awards_title_en_trgm_idx       ON awards        USING gin (title_en gin_trgm_ops);
CREATE INDEX pages_title_ru_trgm_idx        ON pages         USING gin (title_ru gin_trgm_ops);
CREATE INDEX pages_title_en_trgm_idx        ON pages         USING gin (title_en gin_trgm_ops);

-- +goose Down

-- Dropping a column drops its indexes; the trigram indexes go by name. The extension stays: it
-- may have been there before, and other databases' objects may use it.
DROP INDEX pages_title_en_trgm_idx, pages_title_ru_trgm_idx,
    awards_title_en_trgm_idx, awards_title_ru_trgm_idx,
    organizations_name_en_trgm_idx, organizations_name_ru_trgm_idx,
    events_title_en_trgm_idx, events_title_ru_trgm_idx,
    cities_name_en_trgm_idx, cities_name_ru_trgm_idx;
ALTER TABLE pages         DROP COLUMN search_doc;
ALTER TABLE awards        DROP COLUMN search_doc;
ALTER TABLE organizations DROP COLUMN search_doc;
ALTER TABLE events        DROP COLUMN search_doc;
ALTER TABLE cities        DROP COLUMN search_doc;
