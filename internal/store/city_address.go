package store

import (
	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// CityAddress names a city by its kind and slug, as its public page's address does. The lists of
// a city's entries (EventQuery, AwardQuery, NewsQuery) take it where the city's ID is not known
// yet: a city's page then reads the city and its timeline, awards and news in one round trip
// (issue 12: the entries took a second one, which waited for the city's ID).
type CityAddress struct {
	Kind content.CityKind
	Slug string
}

// set reports whether a names a city.
func (a CityAddress) set() bool { return a.Slug != "" }

// idSQL is the ID of the city at a, in the trash or not, as SQL over its values, which it adds to
// args: NULL, so no entry, when there is none. A kind and a slug name one city at most (UNIQUE).
func (a CityAddress) idSQL(args pgx.StrictNamedArgs) string {
	args["city_kind"], args["city_slug"] = string(a.Kind), a.Slug
	return `(SELECT ca.id FROM cities ca WHERE ca.kind = @city_kind AND ca.slug = @city_slug)`
}
