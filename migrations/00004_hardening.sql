-- +goose Up

-- Attempts refused by the sign-in throttle cost an attacker nothing, so they are not kept one row
-- each: the attempts refused from one address within a minute share a row, which counts them.
ALTER TABLE login_attempts ADD COLUMN repeats integer NOT NULL DEFAULT 1 CHECK (repeats >= 1);

-- Old attempts are removed by age (see store.RemoveExpired).
CREATE INDEX login_attempts_at_idx ON login_attempts (at);

-- +goose Down
DROP INDEX login_attempts_at_idx;
ALTER TABLE login_attempts DROP COLUMN repeats;
