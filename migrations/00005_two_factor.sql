-- +goose Up

-- Two-factor sign-in (TOTP, RFC 6238). The secret is the key the person's authenticator app
-- holds, in base32 (20 random bytes: 32 characters); it is only written once the person has
-- proved, with a code, that their app has it. totp_last_step is the time step (Unix time / 30 s)
-- of the last code accepted: a code is accepted only for a later step, so none is used twice.
ALTER TABLE users
    ADD COLUMN totp_secret     text CHECK (totp_secret ~ '^[A-Z2-7]{32}$'),
    ADD COLUMN totp_enabled_at timestamptz,
    ADD COLUMN totp_last_step  bigint NOT NULL DEFAULT 0 CHECK (totp_last_step >= 0),
    ADD CONSTRAINT users_totp_enabled CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));

-- One-time recovery codes, for when the phone is lost: SHA-256 of the code, never the code.
-- A used code keeps its row (used_at), so the page can say how many are left and an incident can
-- be looked into.
CREATE TABLE recovery_codes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  bytea NOT NULL CHECK (length(code_hash) = 32),
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, code_hash)
);

-- Site-wide settings: one row, one column per setting, each with its default. A new setting is a
-- new column here (with a default, so the row stays valid), a field of content.Settings and its
-- entry in Settings.Fields; every change is written to the audit log.
CREATE TABLE settings (
    require_two_factor boolean NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
-- At most one row: every row has the same value of the expression (true).
CREATE UNIQUE INDEX settings_one_row ON settings ((true));
INSERT INTO settings DEFAULT VALUES;

-- A right password for an account with two-factor sign-in is not yet a sign-in: it is recorded
-- as 'password', which neither counts as a failure nor, as a success does, starts the account's
-- count of failures again (or anyone with the password could guess codes without end).
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check
    CHECK (outcome IN ('success', 'failure', 'throttled', 'password'));

-- The audit log's vocabulary grows by the second factor and the settings.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password',
        'two_factor_enable', 'two_factor_disable', 'two_factor_reset', 'two_factor_codes', 'settings_update'));
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user', 'settings'));

-- +goose Down
-- The audit log is the record: its lines with the new words stay, so the old rules come back
-- for new lines only (NOT VALID).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
    CHECK (entity IN ('city', 'event', 'organization', 'award', 'page', 'user')) NOT VALID;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert', 'purge',
        'user_add', 'user_disable', 'user_enable', 'user_password')) NOT VALID;
-- Without a second factor a right password is a sign-in.
UPDATE login_attempts SET outcome = 'success' WHERE outcome = 'password';
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check
    CHECK (outcome IN ('success', 'failure', 'throttled'));
DROP TABLE settings;
DROP TABLE recovery_codes;
ALTER TABLE users
    DROP CONSTRAINT users_totp_enabled,
    DROP COLUMN totp_last_step,
    DROP COLUMN totp_enabled_at,
    DROP COLUMN totp_secret;
