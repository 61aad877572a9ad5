-- +goose Up

-- Review before publishing (issue 11, item 4). An administrator may require that an editor's
-- changes are approved before they are published: the setting is off by default, and while it is
-- off everything works as before.
ALTER TABLE settings ADD COLUMN require_review boolean NOT NULL DEFAULT false;

-- A publisher may publish and approve, but not manage staff or the settings.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'publisher', 'editor'));

-- An entry sent for review: the draft of a published entry, or an entry the public does not see
-- yet, with who sent it, when and their note. One per entry. A reviewer who returns it says why
-- (the comment is required); approving publishes the entry and drops the row, as publishing,
-- discarding the draft or purging the entry do. Saving the draft again keeps it waiting: the
-- reviewer always sees the newest version.
CREATE TABLE reviews (
    entity         text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
    entity_id      text NOT NULL,
    state          text NOT NULL CHECK (state IN ('waiting', 'returned')),
    -- Who sent it, by name as well: an account can be removed, the fact stays.
    requested_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    requested_name text NOT NULL CHECK (length(requested_name) <= 200),
    requested_at   timestamptz NOT NULL DEFAULT now(),
    note           text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    returned_name  text NOT NULL DEFAULT '' CHECK (length(returned_name) <= 200),
    returned_at    timestamptz,
    comment        text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    CHECK (state = 'waiting' OR (returned_at IS NOT NULL AND btrim(comment) <> '')),
    PRIMARY KEY (entity, entity_id)
);

-- The audit log's vocabulary as of 00019, and the three moves of a review.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard',
        'review_link_create', 'review_link_revoke',
        'review_request', 'review_approve', 'review_return'));

-- +goose Down
-- The audit log is the record: its lines with the new words stay, so the old rule comes back for
-- new lines only (NOT VALID); so do publishers' accounts, which become editors.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard',
        'review_link_create', 'review_link_revoke')) NOT VALID;
DROP TABLE reviews;
UPDATE users SET role = 'editor' WHERE role = 'publisher';
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'editor'));
ALTER TABLE settings DROP COLUMN require_review;
