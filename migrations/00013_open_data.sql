-- Open data (issue 10, item 2): what the passports of the open data sets say about their owner
-- and the person who answers for them. Every value starts empty: nobody's INN, name, phone or
-- e-mail is guessed; administrators enter them at /admin/settings. The sets are updated as
-- changes happen until someone promises another frequency.

-- +goose Up
ALTER TABLE settings
    ADD COLUMN opendata_inn text NOT NULL DEFAULT '' CHECK (opendata_inn ~ '^([0-9]{10})?$'),
    ADD COLUMN opendata_creator text NOT NULL DEFAULT '',
    ADD COLUMN opendata_name text NOT NULL DEFAULT '',
    ADD COLUMN opendata_phone text NOT NULL DEFAULT '' CHECK (opendata_phone ~ '^(\+?[0-9]{10,15})?$'),
    ADD COLUMN opendata_email text NOT NULL DEFAULT '',
    ADD COLUMN opendata_frequency text NOT NULL DEFAULT 'on_change'
        CHECK (opendata_frequency IN ('on_change', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'));

-- +goose Down
ALTER TABLE settings
    DROP COLUMN opendata_inn,
    DROP COLUMN opendata_creator,
    DROP COLUMN opendata_name,
    DROP COLUMN opendata_phone,
    DROP COLUMN opendata_email,
    DROP COLUMN opendata_frequency;
