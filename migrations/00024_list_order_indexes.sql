-- +goose Up

-- Issue 12, growth: the public lists of cities and of memberships read a page in the order they
-- show it, straight from an index. At 1,000 entries the orders of 00023 could not serve them: the
-- cities' lists put the current relationships first (status <> 'active' leads the order), and the
-- memberships' list orders by kind, then by a rank of the scope. Each index holds exactly those
-- expressions, in that order; internal/store/plans_test.go fails on a page that reads its whole
-- table again.

DROP INDEX cities_public_order_idx;
CREATE INDEX cities_public_current_order_idx ON cities (kind, (status <> 'active'), sort_order, since_date, name_en, id)
	WHERE published AND deleted_at IS NULL;

CREATE INDEX organizations_public_order_idx ON organizations (
	kind DESC, (CASE scope WHEN 'international' THEN 0 WHEN 'national' THEN 1 ELSE 2 END), sort_order, name_en, id)
	WHERE published AND deleted_at IS NULL;

-- +goose Down
DROP INDEX organizations_public_order_idx;
DROP INDEX cities_public_current_order_idx;
CREATE INDEX cities_public_order_idx ON cities (kind, sort_order, since_date, name_en, id) WHERE published AND deleted_at IS NULL;
