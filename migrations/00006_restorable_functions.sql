-- +goose Up

-- A restore (pg_restore, and any script pg_dump writes) runs with an empty search_path, so that
-- nothing in the database can change what the restore's own statements mean. sources_are_valid
-- calls is_web_url by its bare name, and so failed there: the CHECK constraints that use it
-- stopped the restore of every table with sources. The function now carries the search_path it
-- is created under (public, or whatever schema DATABASE_URL chooses) wherever it is called from,
-- and a backup restores. (is_web_url and date_fits_precision use only built-in functions and
-- operators, which are always found.)
ALTER FUNCTION sources_are_valid(jsonb) SET search_path FROM CURRENT;

-- +goose Down

-- Nothing to undo: the function answers the same with its search_path fixed, and keeping it
-- keeps backups of the older schema restorable.
SELECT 1;
