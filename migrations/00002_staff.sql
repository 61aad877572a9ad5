-- +goose Up

-- Staff accounts. Personal data (152-FZ): the e-mail and name of a few municipal employees, and
-- an argon2id hash of their password; nothing else is kept about them.
CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL UNIQUE
                  CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    name          text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    role          text NOT NULL CHECK (role IN ('admin', 'editor')),
    password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    -- Raised whenever the password changes or the account is disabled: every session carries the
    -- epoch it began in, so older sessions end at once.
    session_epoch integer NOT NULL DEFAULT 1,
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Sessions of github.com/alexedwards/scs/pgxstore, in the table layout it expects.
CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Every sign-in attempt, for throttling and for the record. Never the password.
CREATE TABLE login_attempts (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    email    text NOT NULL,
    user_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    address  text NOT NULL,
    outcome  text NOT NULL CHECK (outcome IN ('success', 'failure', 'throttled'))
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

-- +goose Down
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE users;
