-- +goose Up

-- Search ranks by a small vector (issue 10, the speed of search). search_doc (00012) holds every
-- word of an entry, bodies too, and is large enough to be kept out of line (TOAST): ranking a
-- common word's thousand hits by it read and decompressed a thousand of them, most of a search's
-- time. search_head holds only the weighted words that decide the order, names ('A') over
-- summaries and short facts ('B'), and is small enough to stay in the row. Search still finds
-- an entry by any word of search_doc; one found only in its body ranks below one whose name or
-- summary has the word, as the issue asks (names over summaries over bodies). No index: it is
-- read only for the rows search_doc's index has found.
ALTER TABLE cities ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', name_ru), 'A') ||
    setweight(to_tsvector('english', name_en), 'A') ||
    setweight(to_tsvector('russian', region_ru || ' ' || summary_ru || ' ' || status_note_ru), 'B') ||
    setweight(to_tsvector('english', region_en || ' ' || summary_en || ' ' || status_note_en), 'B')) STORED;

ALTER TABLE events ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A')) STORED;

ALTER TABLE organizations ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', name_ru || ' ' || short_name_ru), 'A') ||
    setweight(to_tsvector('english', name_en || ' ' || short_name_en), 'A') ||
    setweight(to_tsvector('russian', role_ru), 'B') ||
    setweight(to_tsvector('english', role_en), 'B')) STORED;

ALTER TABLE awards ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', awarded_by_ru || ' ' || place_ru), 'B') ||
    setweight(to_tsvector('english', awarded_by_en || ' ' || place_en), 'B')) STORED;

ALTER TABLE pages ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A')) STORED;

-- The search indexes take each change into their tree at once (fastupdate off) instead of
-- gathering changes in a pending list that every search reads through until VACUUM merges it:
-- after the 10,000 entries of BenchmarkSearch were added, reading that list made a search five
-- times slower (p95 46 ms instead of 9). Staff save a few entries a day; a save pays the
-- merge, a few milliseconds, and no visitor waits on a vacuum. What is already pending is merged now.
ALTER INDEX cities_search_idx SET (fastupdate = off);
ALTER INDEX events_search_idx SET (fastupdate = off);
ALTER INDEX organizations_search_idx SET (fastupdate = off);
ALTER INDEX awards_search_idx SET (fastupdate = off);
ALTER INDEX pages_search_idx SET (fastupdate = off);
ALTER INDEX cities_name_ru_trgm_idx SET (fastupdate = off);
ALTER INDEX cities_name_en_trgm_idx SET (fastupdate = off);
ALTER INDEX events_title_ru_trgm_idx SET (fastupdate = off);
ALTER INDEX events_title_en_trgm_idx SET (fastupdate = off);
ALTER INDEX organizations_name_ru_trgm_idx SET (fastupdate = off);
ALTER INDEX organizations_name_en_trgm_idx SET (fastupdate = off);
ALTER INDEX awards_title_ru_trgm_idx SET (fastupdate = off);
ALTER INDEX awards_title_en_trgm_idx SET (fastupdate = off);
ALTER INDEX pages_title_ru_trgm_idx SET (fastupdate = off);
ALTER INDEX pages_title_en_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list(i::regclass) FROM unnest(ARRAY[
    'cities_search_idx', 'events_search_idx', 'organizations_search_idx', 'awards_search_idx', 'pages_search_idx',
    'cities_name_ru_trgm_idx', 'cities_name_en_trgm_idx', 'events_title_ru_trgm_idx', 'events_title_en_trgm_idx',
    'organizations_name_ru_trgm_idx', 'organizations_name_en_trgm_idx', 'awards_title_ru_trgm_idx',
    'awards_title_en_trgm_idx', 'pages_title_ru_trgm_idx', 'pages_title_en_trgm_idx']) AS i;

-- +goose Down

ALTER INDEX cities_search_idx RESET (fastupdate);
ALTER INDEX events_search_idx RESET (fastupdate);
ALTER INDEX organizations_search_idx RESET (fastupdate);
ALTER INDEX awards_search_idx RESET (fastupdate);
ALTER INDEX pages_search_idx RESET (fastupdate);
ALTER INDEX cities_name_ru_trgm_idx RESET (fastupdate);
ALTER INDEX cities_name_en_trgm_idx RESET (fastupdate);
ALTER INDEX events_title_ru_trgm_idx RESET (fastupdate);
ALTER INDEX events_title_en_trgm_idx RESET (fastupdate);
ALTER INDEX organizations_name_ru_trgm_idx RESET (fastupdate);
ALTER INDEX organizations_name_en_trgm_idx RESET (fastupdate);
ALTER INDEX awards_title_ru_trgm_idx RESET (fastupdate);
ALTER INDEX awards_title_en_trgm_idx RESET (fastupdate);
ALTER INDEX pages_title_ru_trgm_idx RESET (fastupdate);
ALTER INDEX pages_title_en_trgm_idx RESET (fastupdate);

ALTER TABLE pages         DROP COLUMN search_head;
ALTER TABLE awards        DROP COLUMN search_head;
ALTER TABLE organizations DROP COLUMN search_head;
ALTER TABLE events        DROP COLUMN search_head;
ALTER TABLE cities        DROP COLUMN search_head;
