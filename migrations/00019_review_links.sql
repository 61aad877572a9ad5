-- Review links (issue 11, item 3): staff make a link that shows one entry's draft to someone
-- without an account (a partner city, say) for a chosen time, and can revoke it. The token is
-- shown once, in the link; only its SHA-256 is kept, so a copy of the database opens nothing.
-- A link works while it is neither revoked nor expired and its entry is not in the trash.

-- +goose Up
CREATE TABLE review_links (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    entity      text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
    entry_id    bigint NOT NULL,
    -- Who made it, by name as well: an account can be removed, the fact stays.
    created_by      bigint REFERENCES users (id) ON DELETE SET NULL,
    created_by_name text NOT NULL DEFAULT '' CHECK (length(created_by_name) <= 200),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    -- At most 90 days: a link outlives the review it was made for, and is forgotten.
    CHECK (expires_at > created_at AND expires_at <= created_at + interval '90 days')
);
CREATE INDEX review_links_entry_idx ON review_links (entity, entry_id);

-- The audit log's vocabulary grows by making and revoking a review link (the list as of
-- migration 00015, plus these two).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard',
        'review_link_create', 'review_link_revoke'));

-- +goose Down
-- The audit log is the record: its lines with the new words stay, so the old rule comes back for
-- new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard')) NOT VALID;
DROP TABLE review_links;
