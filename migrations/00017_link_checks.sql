-- Broken links (issue 11, item 8): what the background check last found at every address that
-- entries give as a source or an official site. One row an address, however many entries use it:
-- the check asks each address once. first_failed_at is when an address that answers badly first
-- did so in a row of checks, for the dashboard's "broken since"; it is cleared when it answers again.
-- The rows are the check's own: an address no entry uses any more is dropped by the next check.

-- +goose Up
CREATE TABLE link_checks (
    url             text PRIMARY KEY,
    ok              boolean NOT NULL,
    status          integer NOT NULL DEFAULT 0, -- the HTTP status; 0 when no answer came
    error           text NOT NULL DEFAULT '',   -- the kind of failure (linkcheck.Kind); '' when ok
    final_url       text NOT NULL DEFAULT '',   -- where redirects led
    checked_at      timestamptz NOT NULL,
    first_failed_at timestamptz,
    CHECK (ok = (first_failed_at IS NULL))
);

-- When the last full check finished: the check runs when this is more than a day ago (or the
-- configured interval), so a restart or a second instance does not start another.
CREATE TABLE link_check_runs (
    one         boolean PRIMARY KEY DEFAULT true CHECK (one),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz
);

-- +goose Down
DROP TABLE link_check_runs;
DROP TABLE link_checks;
