package store

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// Filter selects entries for a list. The zero Filter selects every entry not in the trash.
type Filter struct {
	// PublishedOnly: what the public sees.
	PublishedOnly bool
	// State narrows an admin list: "published", "draft", or "" for both.
	State string
	// Search keeps entries whose name contains it, in either language, ignoring case.
	Search string
	// Trash lists the deleted entries instead of the others.
	Trash bool
}

// The values of Filter.State.
const (
	StatePublished = "published"
	StateDraft     = "draft"
)

// where builds the WHERE conditions for f on the table aliased alias, whose names are in
// nameColumns, and adds the values they use to the query's args, as @search: a query using where
// leaves that name to it.
func (f Filter) where(alias string, nameColumns []string, args pgx.StrictNamedArgs) string {
	conds := []string{alias + ".deleted_at IS NULL"}
	if f.Trash {
		conds[0] = alias + ".deleted_at IS NOT NULL"
	}
	switch {
	case f.PublishedOnly, f.State == StatePublished:
		conds = append(conds, alias+".published")
	case f.State == StateDraft:
		conds = append(conds, "NOT "+alias+".published")
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		args["search"] = "%" + escapeLike(s) + "%"
		var ors []string
		for _, c := range nameColumns {
			ors = append(ors, alias+"."+c+" ILIKE @search")
		}
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	return strings.Join(conds, " AND ")
}

// escapeLike makes the wildcard characters of a search literal.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Public is the filter of what the public sees: published entries not in the trash.
var Public = Filter{PublishedOnly: true}
