-- +goose Up

-- The city's IANA time zone ("Europe/Berlin"), from which the public page computes the time
-- difference with Perm at the moment it is shown (summer time included). Empty when not known:
-- the page then leaves the time difference out. Which names exist is checked by the application
-- against Go's own zone data; the database keeps only names of the shape of one.
ALTER TABLE cities ADD COLUMN time_zone text NOT NULL DEFAULT ''
    CHECK (time_zone = '' OR (time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$' AND length(time_zone) <= 64));

-- The cities of the initial data, on a site that loaded them before this field existed
-- (../shared/facts/perm.md, "Time zones"). Only where staff have not set one, and only the city
-- the initial data made (matched by kind and slug).
UPDATE cities SET time_zone = z.time_zone
FROM (VALUES
    ('twin', 'amneville-les-thermes', 'Europe/Paris'),
    ('twin', 'louisville', 'America/Kentucky/Louisville'),
    ('twin', 'oxford', 'Europe/London'),
    ('twin', 'agrigento', 'Europe/Rome'),
    ('twin', 'qingdao', 'Asia/Shanghai'),
    ('twin', 'duisburg', 'Europe/Berlin'),
    ('partner', 'yekaterinburg', 'Asia/Yekaterinburg'),
    ('partner', 'tyumen', 'Asia/Yekaterinburg'),
    ('partner', 'ufa', 'Asia/Yekaterinburg'),
    ('partner', 'kazan', 'Europe/Moscow')
) AS z (kind, slug, time_zone)
WHERE cities.kind = z.kind AND cities.slug = z.slug AND cities.time_zone = '';

-- +goose Down

ALTER TABLE cities DROP COLUMN time_zone;
