-- +goose Up

-- News (issue 11, item 5): what the city publishes about its twin cities month by month:
-- exchanges, delegations, exhibitions, anniversaries. An item is an entry like the others
-- (versions, history, trash, drafts, schedules go through its entity, 'news'), with its own
-- public page at /{lang}/news/{slug}. news_date is the day the item is dated (the public list's
-- order), to the day or, for an anniversary known only so far, to the month or year; body is Markdown, as the other bodies are.
CREATE TABLE news (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    news_date      date NOT NULL,
    date_precision text NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    title_ru       text NOT NULL DEFAULT '',
    title_en       text NOT NULL DEFAULT '',
    lead_ru        text NOT NULL DEFAULT '',
    lead_en        text NOT NULL DEFAULT '',
    body_ru        text NOT NULL DEFAULT '',
    body_en        text NOT NULL DEFAULT '',
    sources        jsonb NOT NULL DEFAULT '[]' CHECK (sources_are_valid(sources)),
    published      boolean NOT NULL DEFAULT false,
    editor_note    text NOT NULL DEFAULT '',
    image_id       bigint REFERENCES images (id),
    image_alt_ru   text NOT NULL DEFAULT '',
    image_alt_en   text NOT NULL DEFAULT '',
    image_credit   text NOT NULL DEFAULT '',
    version        integer NOT NULL DEFAULT 1,
    deleted_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (date_fits_precision(news_date, date_precision)),
    CONSTRAINT news_image_alt CHECK (image_id IS NULL OR (image_alt_ru <> '' AND image_alt_en <> '')),
    -- What the public sees must exist in both languages.
    CHECK (NOT published OR (title_ru <> '' AND title_en <> '' AND lead_ru <> '' AND lead_en <> ''))
);
CREATE INDEX news_date_idx ON news (news_date DESC, id DESC);

-- The cities an item is about: a city's page lists its news. Purging a city unlinks its news
-- first, each as a new version (store.purgeCityDependents), so the cascade below only ever
-- removes what the history already says is gone.
CREATE TABLE news_cities (
    news_id bigint NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    city_id bigint NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, city_id)
);
CREATE INDEX news_cities_city_idx ON news_cities (city_id, news_id);

-- Search covers every kind (00012, 00014): news the same way, titles 'A', leads 'B', bodies 'C'.
ALTER TABLE news ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', lead_ru), 'B') ||
    setweight(to_tsvector('english', lead_en), 'B') ||
    setweight(to_tsvector('russian', body_ru), 'C') ||
    setweight(to_tsvector('english', body_en), 'C')) STORED;
ALTER TABLE news ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', title_ru), 'A') ||
    setweight(to_tsvector('english', title_en), 'A') ||
    setweight(to_tsvector('russian', lead_ru), 'B') ||
    setweight(to_tsvector('english', lead_en), 'B')) STORED;
CREATE INDEX news_search_idx ON news USING gin (search_doc) WITH (fastupdate = off);
CREATE INDEX news_title_ru_trgm_idx ON news USING gin (title_ru gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX news_title_en_trgm_idx ON news USING gin (title_en gin_trgm_ops) WITH (fastupdate = off);

-- News has a history and an audit trail like every other kind of entry.
ALTER TABLE revisions DROP CONSTRAINT revisions_entity_check;
ALTER TABLE revisions ADD CONSTRAINT revisions_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'place', 'news'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user', 'settings', 'place', 'news'));

-- +goose Down

-- The history and the audit log are the record: their lines about news stay, so the old rules
-- come back for new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user', 'settings', 'place')) NOT VALID;
ALTER TABLE revisions DROP CONSTRAINT revisions_entity_check;
ALTER TABLE revisions ADD CONSTRAINT revisions_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'place')) NOT VALID;

DROP TABLE news_cities;
DROP TABLE news;
