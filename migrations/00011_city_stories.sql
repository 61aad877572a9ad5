-- +goose Up

-- The partner city's own page about Perm, on its official site (issue 9, item 5): optional, a
-- link like the official site.
ALTER TABLE cities ADD COLUMN perm_page_url text NOT NULL DEFAULT ''
    CHECK (perm_page_url = '' OR is_web_url(perm_page_url));

-- Two editable notes, kept as text pages: at the top of the partner cities and the memberships
-- lists, saying while a list is still being completed (an empty body shows none).
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check
    CHECK (key IN ('about', 'contacts', 'privacy', 'partner-cities-note', 'memberships-note'));

-- A site that loaded the initial data before the notes existed gets them when it next starts:
-- the seed adds every text page the database lacks (addMissingPages in internal/seed/seed.go).

-- +goose Down

DELETE FROM pages WHERE key IN ('partner-cities-note', 'memberships-note');
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check CHECK (key IN ('about', 'contacts', 'privacy'));
ALTER TABLE cities DROP COLUMN perm_page_url;
