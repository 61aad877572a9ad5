-- +goose Up

-- Issue 12, growth: the change log lists newest first, by time and then by id (two changes of one
-- transaction share their time). The index of 00003 held the time alone, so at 18,000 changes a
-- deep page of the log (page 100) sorted the whole log on disk (27 ms) instead of reading the
-- index in order. This one holds both, in the order of the list.
CREATE INDEX audit_log_at_id_idx ON audit_log (at DESC, id DESC);
DROP INDEX audit_log_at_idx;

-- +goose Down
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
DROP INDEX audit_log_at_id_idx;
