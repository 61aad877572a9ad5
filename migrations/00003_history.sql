-- +goose Up

-- Optimistic locking: every save names the version it was based on, and a save based on an
-- older one is refused instead of silently overwriting someone else's change.
ALTER TABLE cities        ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE events        ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE organizations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE awards        ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE pages         ADD COLUMN version integer NOT NULL DEFAULT 1;
-- A number for pages too, so that history treats every kind of entry alike.
ALTER TABLE pages         ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

-- The trash: a deleted entry keeps its row until an admin purges it, so a delete can be undone.
ALTER TABLE cities        ADD COLUMN deleted_at timestamptz;
ALTER TABLE events        ADD COLUMN deleted_at timestamptz;
ALTER TABLE organizations ADD COLUMN deleted_at timestamptz;
ALTER TABLE awards        ADD COLUMN deleted_at timestamptz;

-- Uploaded images, re-encoded, stored in the database so that any number of app servers can
-- serve them. A file is named by the SHA-256 of its bytes and never changes.
CREATE TABLE image_files (
    hash         text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    data         bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- An image as entries use it: its display size and thumbnail.
CREATE TABLE images (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_hash text NOT NULL REFERENCES image_files (hash),
    thumb_hash   text NOT NULL REFERENCES image_files (hash),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- One photo per city, one image per award, one logo per organisation: with text alternatives in
-- both languages (required) and a credit.
ALTER TABLE cities        ADD COLUMN image_id bigint REFERENCES images (id),
                          ADD COLUMN image_alt_ru text NOT NULL DEFAULT '',
                          ADD COLUMN image_alt_en text NOT NULL DEFAULT '',
                          ADD COLUMN image_credit text NOT NULL DEFAULT '',
                          ADD CONSTRAINT cities_image_alt CHECK (image_id IS NULL OR (image_alt_ru <> '' AND image_alt_en <> ''));
ALTER TABLE awards        ADD COLUMN image_id bigint REFERENCES images (id),
                          ADD COLUMN image_alt_ru text NOT NULL DEFAULT '',
                          ADD COLUMN image_alt_en text NOT NULL DEFAULT '',
                          ADD COLUMN image_credit text NOT NULL DEFAULT '',
                          ADD CONSTRAINT awards_image_alt CHECK (image_id IS NULL OR (image_alt_ru <> '' AND image_alt_en <> ''));
ALTER TABLE organizations ADD COLUMN image_id bigint REFERENCES images (id),
                          ADD COLUMN image_alt_ru text NOT NULL DEFAULT '',
                          ADD COLUMN image_alt_en text NOT NULL DEFAULT '',
                          ADD COLUMN image_credit text NOT NULL DEFAULT '',
                          ADD CONSTRAINT organizations_image_alt CHECK (image_id IS NULL OR (image_alt_ru <> '' AND image_alt_en <> ''));

-- Every saved version of every entry, whole, so that any earlier one can be restored.
CREATE TABLE revisions (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity    text NOT NULL CHECK (entity IN ('city', 'event', 'organization', 'award', 'page')),
    entity_id text NOT NULL,
    version   integer NOT NULL,
    data      jsonb NOT NULL,
    action    text NOT NULL,
    user_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (entity, entity_id, version)
);

-- Who did what, when (UTC), to which entry, with each changed field before and after.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    user_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    user_name text NOT NULL,
    action    text NOT NULL CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete',
                  'restore', 'revert', 'purge', 'user_add', 'user_disable', 'user_enable', 'user_password')),
    entity    text NOT NULL CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user')),
    entity_id text NOT NULL,
    label     text NOT NULL,
    detail    text NOT NULL DEFAULT '', -- what the action says beyond its name: "version 3"
    changes   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(changes) = 'array')
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE revisions;
ALTER TABLE organizations DROP COLUMN image_id, DROP COLUMN image_alt_ru, DROP COLUMN image_alt_en, DROP COLUMN image_credit;
ALTER TABLE awards        DROP COLUMN image_id, DROP COLUMN image_alt_ru, DROP COLUMN image_alt_en, DROP COLUMN image_credit;
ALTER TABLE cities        DROP COLUMN image_id, DROP COLUMN image_alt_ru, DROP COLUMN image_alt_en, DROP COLUMN image_credit;
DROP TABLE images;
DROP TABLE image_files;
ALTER TABLE awards        DROP COLUMN deleted_at;
ALTER TABLE organizations DROP COLUMN deleted_at;
ALTER TABLE events        DROP COLUMN deleted_at;
ALTER TABLE cities        DROP COLUMN deleted_at;
ALTER TABLE pages         DROP COLUMN id;
ALTER TABLE pages         DROP COLUMN version;
ALTER TABLE awards        DROP COLUMN version;
ALTER TABLE organizations DROP COLUMN version;
ALTER TABLE events        DROP COLUMN version;
ALTER TABLE cities        DROP COLUMN version;
