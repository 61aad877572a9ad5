-- +goose Up

-- A working copy beside a published entry (issue 11, drafts): staff save changes here while the
-- public goes on seeing the published version, then publish them in one go or drop them. One per
-- entry. data is the entry whole, in the encoding of revisions.data; base_version is the
-- published version it was made from, so publishing over a version that moved meanwhile is
-- refused as a conflict; revision counts the saves of the draft itself, so two people saving the
-- same draft are told apart too. The public pages never read this table.
CREATE TABLE drafts (
    entity       text NOT NULL,
    entity_id    text NOT NULL,
    data         jsonb NOT NULL,
    base_version integer NOT NULL,
    revision     integer NOT NULL CHECK (revision > 0),
    user_id      bigint REFERENCES users (id) ON DELETE SET NULL,
    user_name    text NOT NULL,
    saved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity, entity_id)
);

-- The audit log's vocabulary grows by the three moves of a draft.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard'));

-- +goose Down
-- The audit log is the record: its lines with the new words stay, so the old rule comes back for
-- new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update')) NOT VALID;
DROP TABLE drafts;
