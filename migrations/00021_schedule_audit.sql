-- +goose Up

-- Setting and cancelling a scheduled publication or withdrawal are recorded in the audit log
-- (issue 11, friendly inputs): who set what for when, and who called it off. The list is the one
-- of 00020_review.sql with the two new words.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard',
        'review_link_create', 'review_link_revoke',
        'review_request', 'review_approve', 'review_return',
        'schedule_set', 'schedule_cancel'));

-- +goose Down
-- The audit log is the record: its lines with the new words stay, so the old rule comes back for
-- new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update',
        'draft_save', 'draft_publish', 'draft_discard',
        'review_link_create', 'review_link_revoke',
        'review_request', 'review_approve', 'review_return')) NOT VALID;
