-- +goose Up

-- Issue 12, growth: indexes for the queries the public pages and the admin ask at the size the
-- site is built for (1,000 cities, 10,000 events, 5,000 news items; twincities seed --generated).
-- Each is partial on what the public sees (published, not in the trash), so it stays small and a
-- count of the public entries reads the index alone. internal/store/plans_test.go explains every
-- hot query on generated data and fails on a sequential scan of a large table.

-- The news list, newest first, a page at a time, and its count.
CREATE INDEX news_public_date_idx ON news (news_date DESC, id DESC) WHERE published AND deleted_at IS NULL;

-- A city's latest event (the cards' "last joint activity") and its timeline.
CREATE INDEX events_public_city_date_idx ON events (city_id, event_date DESC) WHERE published AND deleted_at IS NULL;

-- What comes next (the home page): the soonest public events.
CREATE INDEX events_public_date_idx ON events (event_date, id) WHERE published AND deleted_at IS NULL;

-- The awards, newest first, a page at a time, and the latest ones on the home page.
CREATE INDEX awards_public_date_idx ON awards (award_date DESC, id DESC) WHERE published AND deleted_at IS NULL;

-- The lists of twin and partner cities, in the order staff set, a page at a time.
CREATE INDEX cities_public_order_idx ON cities (kind, sort_order, since_date, name_en, id) WHERE published AND deleted_at IS NULL;

-- +goose Down
DROP INDEX cities_public_order_idx;
DROP INDEX awards_public_date_idx;
DROP INDEX events_public_date_idx;
DROP INDEX events_public_city_date_idx;
DROP INDEX news_public_date_idx;
