-- +goose Up

-- Places: the department's office, the Twinned Cities Hall and any other address a visitor may
-- need, with their contact details, edited by staff and shown on the contacts page. Every detail
-- may be empty: the initial data leaves unknown ones empty rather than guess them. The phone and
-- e-mail rules are checked in full by the application; the database keeps their shape.
CREATE TABLE places (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    name_ru          text NOT NULL DEFAULT '',
    name_en          text NOT NULL DEFAULT '',
    description_ru   text NOT NULL DEFAULT '',
    description_en   text NOT NULL DEFAULT '',
    address_ru       text NOT NULL DEFAULT '',
    address_en       text NOT NULL DEFAULT '',
    phone            text NOT NULL DEFAULT '' CHECK (phone ~ '^[0-9 +()-]*$' AND length(phone) <= 40),
    email            text NOT NULL DEFAULT '' CHECK (email = '' OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    hours_ru         text NOT NULL DEFAULT '',
    hours_en         text NOT NULL DEFAULT '',
    head_name_ru     text NOT NULL DEFAULT '',
    head_name_en     text NOT NULL DEFAULT '',
    head_position_ru text NOT NULL DEFAULT '',
    head_position_en text NOT NULL DEFAULT '',
    website          text NOT NULL DEFAULT '' CHECK (website = '' OR is_web_url(website)),
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    sort_order       integer NOT NULL DEFAULT 0,
    published        boolean NOT NULL DEFAULT false,
    editor_note      text NOT NULL DEFAULT '',
    version          integer NOT NULL DEFAULT 1,
    deleted_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (NOT published OR (name_ru <> '' AND name_en <> ''))
);

-- Places have a history and an audit trail like every other kind of entry.
ALTER TABLE revisions DROP CONSTRAINT revisions_entity_check;
ALTER TABLE revisions ADD CONSTRAINT revisions_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'place'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user', 'settings', 'place'));

-- +goose Down

-- The history and the audit log are the record: their lines about places stay, so the old rules
-- come back for new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user', 'settings')) NOT VALID;
ALTER TABLE revisions DROP CONSTRAINT revisions_entity_check;
ALTER TABLE revisions ADD CONSTRAINT revisions_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page')) NOT VALID;
DROP TABLE places;
