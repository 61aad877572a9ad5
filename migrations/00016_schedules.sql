-- +goose Up

-- Publications and withdrawals staff set for a moment to come (issue 11, scheduling). Any instance
-- of the server carries out the due ones: it claims a row with SELECT ... FOR UPDATE SKIP LOCKED
-- and publishes through the entry's workflow in the same transaction, so each is done exactly once
-- and never half. A row that is done keeps done_at; one that could not be done keeps its reason
-- in error: 'incomplete' (the entry misses what a published one needs; detail names the fields),
-- 'gone' (the entry is in the trash or no longer exists) or 'failed' (detail says why).
CREATE TABLE schedules (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity     text NOT NULL CHECK (length(entity) BETWEEN 1 AND 40),
    entry_id   bigint NOT NULL,
    action     text NOT NULL CHECK (action IN ('publish', 'unpublish')),
    run_at     timestamptz NOT NULL,
    -- Who set it, by name as well: an account can be removed, the fact stays.
    created_by bigint REFERENCES users (id) ON DELETE SET NULL,
    created_by_name text NOT NULL DEFAULT '' CHECK (length(created_by_name) <= 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    done_at    timestamptz,
    error      text NOT NULL DEFAULT '' CHECK (error IN ('', 'incomplete', 'gone', 'failed')),
    detail     text NOT NULL DEFAULT '' CHECK (length(detail) <= 2000),
    CHECK (error = '' OR done_at IS NOT NULL)
);
-- The runner's question: the due rows not yet done, earliest first.
CREATE INDEX schedules_due_idx ON schedules (run_at, id) WHERE done_at IS NULL;
CREATE INDEX schedules_entry_idx ON schedules (entity, entry_id);

-- +goose Down

DROP TABLE schedules;
