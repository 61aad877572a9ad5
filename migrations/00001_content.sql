-- +goose Up

-- Rules the database keeps on its own, so that no code path (admin form, seed, psql session)
-- can store what the site would show wrongly.

-- A URL we link to: absolute http(s), no spaces.
-- +goose StatementBegin
CREATE FUNCTION is_web_url(u text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT u ~ '^https?://[^\s/?#]+[^\s]*$' $$;
-- +goose StatementEnd

-- Sources are a JSON array of {"title": "...", "url": "..."}: the title is required, the URL
-- optional (some sources are newspapers in print).
-- +goose StatementBegin
CREATE FUNCTION sources_are_valid(s jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT jsonb_typeof(s) = 'array'
   AND NOT EXISTS (
       SELECT 1 FROM jsonb_array_elements(s) AS e
        WHERE jsonb_typeof(e) <> 'object'
           OR jsonb_typeof(e -> 'title') IS DISTINCT FROM 'string'
           OR btrim(e ->> 'title') = ''
           OR (e ? 'url' AND (jsonb_typeof(e -> 'url') IS DISTINCT FROM 'string'
                              OR (e ->> 'url' <> '' AND NOT is_web_url(e ->> 'url'))))
   ) $$;
-- +goose StatementEnd

-- A date known only to the month or year is stored as its first day; the precision says how much
-- of it is true, so "1994" is never printed as "1 January 1994".
-- +goose StatementBegin
CREATE FUNCTION date_fits_precision(d date, p text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE
    WHEN d IS NULL OR p IS NULL THEN true -- no date: nothing to check here
    WHEN p = 'day' THEN true
    WHEN p = 'month' THEN extract(day FROM d) = 1
    WHEN p = 'year' THEN extract(day FROM d) = 1 AND extract(month FROM d) = 1
    ELSE false END $$;
-- +goose StatementEnd

CREATE TABLE cities (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('twin', 'partner')),
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    name_ru          text NOT NULL DEFAULT '',
    name_en          text NOT NULL DEFAULT '',
    country          text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region_ru        text NOT NULL DEFAULT '',
    region_en        text NOT NULL DEFAULT '',
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    since_date       date,
    since_precision  text CHECK (since_precision IN ('day', 'month', 'year')),
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'ended')),
    status_date      date,
    status_precision text CHECK (status_precision IN ('day', 'month', 'year')),
    status_note_ru   text NOT NULL DEFAULT '',
    status_note_en   text NOT NULL DEFAULT '',
    summary_ru       text NOT NULL DEFAULT '',
    summary_en       text NOT NULL DEFAULT '',
    body_ru          text NOT NULL DEFAULT '',
    body_en          text NOT NULL DEFAULT '',
    website          text NOT NULL DEFAULT '' CHECK (website = '' OR is_web_url(website)),
    sources          jsonb NOT NULL DEFAULT '[]' CHECK (sources_are_valid(sources)),
    published        boolean NOT NULL DEFAULT false,
    editor_note      text NOT NULL DEFAULT '',
    sort_order       integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, slug),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK ((since_date IS NULL) = (since_precision IS NULL)),
    CHECK (date_fits_precision(since_date, since_precision)),
    CHECK ((status_date IS NULL) = (status_precision IS NULL)),
    CHECK (date_fits_precision(status_date, status_precision)),
    -- An active relationship has no end or suspension date.
    CHECK (status <> 'active' OR status_date IS NULL),
    -- What the public sees must exist in both languages.
    CHECK (NOT published OR (name_ru <> '' AND name_en <> ''))
);

CREATE TABLE events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city_id        bigint REFERENCES cities (id) ON DELETE CASCADE,
    event_date     date NOT NULL,
    date_precision text NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    title_ru       text NOT NULL DEFAULT '',
    title_en       text NOT NULL DEFAULT '',
    text_ru        text NOT NULL DEFAULT '',
    text_en        text NOT NULL DEFAULT '',
    link           text NOT NULL DEFAULT '' CHECK (link = '' OR is_web_url(link)),
    sources        jsonb NOT NULL DEFAULT '[]' CHECK (sources_are_valid(sources)),
    CHECK (date_fits_precision(event_date, date_precision)),
    published      boolean NOT NULL DEFAULT false,
    editor_note    text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT published OR (title_ru <> '' AND title_en <> ''))
);
CREATE INDEX events_city_id_idx ON events (city_id, event_date);

CREATE TABLE organizations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    kind             text NOT NULL CHECK (kind IN ('union', 'association')),
    scope            text NOT NULL CHECK (scope IN ('international', 'national', 'interregional')),
    name_ru          text NOT NULL DEFAULT '',
    name_en          text NOT NULL DEFAULT '',
    short_name_ru    text NOT NULL DEFAULT '',
    short_name_en    text NOT NULL DEFAULT '',
    since_date       date,
    since_precision  text CHECK (since_precision IN ('day', 'month', 'year')),
    role_ru          text NOT NULL DEFAULT '',
    role_en          text NOT NULL DEFAULT '',
    description_ru   text NOT NULL DEFAULT '',
    description_en   text NOT NULL DEFAULT '',
    website          text NOT NULL DEFAULT '' CHECK (website = '' OR is_web_url(website)),
    sources          jsonb NOT NULL DEFAULT '[]' CHECK (sources_are_valid(sources)),
    published        boolean NOT NULL DEFAULT false,
    editor_note      text NOT NULL DEFAULT '',
    sort_order       integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((since_date IS NULL) = (since_precision IS NULL)),
    CHECK (date_fits_precision(since_date, since_precision)),
    CHECK (NOT published OR (name_ru <> '' AND name_en <> ''))
);

CREATE TABLE awards (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    award_date       date NOT NULL,
    date_precision   text NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    title_ru         text NOT NULL DEFAULT '',
    title_en         text NOT NULL DEFAULT '',
    awarded_by_ru    text NOT NULL DEFAULT '',
    awarded_by_en    text NOT NULL DEFAULT '',
    place_ru         text NOT NULL DEFAULT '',
    place_en         text NOT NULL DEFAULT '',
    description_ru   text NOT NULL DEFAULT '',
    description_en   text NOT NULL DEFAULT '',
    city_id          bigint REFERENCES cities (id) ON DELETE SET NULL,
    CHECK (date_fits_precision(award_date, date_precision)),
    sources          jsonb NOT NULL DEFAULT '[]' CHECK (sources_are_valid(sources)),
    published        boolean NOT NULL DEFAULT false,
    editor_note      text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT published OR (title_ru <> '' AND title_en <> '' AND awarded_by_ru <> '' AND awarded_by_en <> ''))
);
CREATE INDEX awards_city_id_idx ON awards (city_id);

CREATE TABLE pages (
    key        text PRIMARY KEY CHECK (key IN ('about', 'contacts')),
    title_ru   text NOT NULL,
    title_en   text NOT NULL,
    body_ru    text NOT NULL DEFAULT '',
    body_en    text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE pages;
DROP TABLE awards;
DROP TABLE organizations;
DROP TABLE events;
DROP TABLE cities;
DROP FUNCTION date_fits_precision(date, text);
DROP FUNCTION sources_are_valid(jsonb);
DROP FUNCTION is_web_url(text);
