package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// column is one column of an entry's table as the store reads and writes it. Each kind of entry
// lists its columns once, in a function that points every column at its place in one entry
// (cityColumns and the others), and every query of that kind is built from the list: the SELECT
// list and the row scan, the INSERT and the UPDATE with their placeholders. A field added to the
// list is read and written everywhere; one left out is missing everywhere, which the round-trip
// tests see.
type column struct {
	name   string // the column, which SELECT qualifies with the table's alias; for a joined one, the whole SQL expression
	field  any    // a pointer into the entry, or an adapter around one: SELECT scans into it, INSERT and UPDATE send it
	access access // who writes it
}

// access says who writes a column, and so which statements name it.
type access int

const (
	written    access = iota // the store: INSERT and UPDATE send it, SELECT reads it
	insertOnly               // the store, once: INSERT sends it, UPDATE leaves it (the key a page is known by)
	generated                // the database (id, version, the times): SELECT and RETURNING read it
	joined                   // a joined table: only SELECT reads it
)

// A finisher is an adapter for a value that spans several columns and can only be built once all
// of them are scanned: the row scanner calls finish after each row.
type finisher interface{ finish() }

// placeholder is the n-th (from 1) parameter of a statement. Only the builders below write
// placeholders, so a column list and its parameters cannot fall out of step.
func placeholder(n int) string { return "$" + strconv.Itoa(n) }

// selectList is the SELECT list of cols, each qualified with the table's alias.
func selectList(alias string, cols []column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
		if c.access != joined {
			names[i] = alias + "." + c.name
		}
	}
	return strings.Join(names, ", ")
}

// insertSQL stores the written columns of cols as a new row of table and returns what the
// database set.
func insertSQL(table string, cols []column) string {
	var names, params []string
	for _, c := range cols {
		if c.access == written || c.access == insertOnly {
			names = append(names, c.name)
			params = append(params, placeholder(len(params)+1))
		}
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(names, ", ") + `) VALUES (` + strings.Join(params, ", ") + `)
		RETURNING id, version, created_at, updated_at`
}

// updateSQL writes the written columns of cols over the row of table whose id is the first
// parameter, and raises its version. ROW() keeps the statement valid for a single column.
func updateSQL(table string, cols []column) string {
	var names, params []string
	for _, c := range cols {
		if c.access == written {
			names = append(names, c.name)
			params = append(params, placeholder(len(params)+2))
		}
	}
	return `UPDATE ` + table + ` SET (` + strings.Join(names, ", ") + `) = ROW(` + strings.Join(params, ", ") + `),
		version = version + 1, updated_at = now()
		WHERE id = ` + placeholder(1) + ` RETURNING version, updated_at`
}

// values are the fields of the columns in cols that one of the accesses lets a statement write,
// in the order of the list, as insertSQL and updateSQL name them.
func values(cols []column, accesses ...access) []any {
	var out []any
	for _, c := range cols {
		for _, a := range accesses {
			if c.access == a {
				out = append(out, c.field)
			}
		}
	}
	return out
}

// fields are the fields of the named columns, in the order of names. Every entry table has the
// columns the builders name (id, version, created_at, updated_at), so a missing one is a mistake
// in a column list, which every test of that kind shows at once.
func fields(cols []column, names ...string) []any {
	out := make([]any, len(names))
	for i, name := range names {
		for _, c := range cols {
			if c.name == name {
				out[i] = c.field
			}
		}
		if out[i] == nil {
			panic(fmt.Sprintf("store: no column %q in the list", name))
		}
	}
	return out
}

// entryTable is how one kind of entry T is stored: its table, the alias its queries give the
// table, the tables they join, and its column list.
type entryTable[T any] struct {
	name    string
	alias   string
	joins   string
	columns func(*T) []column
	// selectFrom is selectSQL's text, built once: every list and page reads with it, and building
	// it for each read was a good part of what an uncached page allocated (issue 12).
	selectFrom string
}

// newEntryTable describes the table name of entries T, which its queries call alias, joined with
// joins, with the columns the function columns lists.
func newEntryTable[T any](name, alias, joins string, columns func(*T) []column) entryTable[T] {
	t := entryTable[T]{name: name, alias: alias, joins: joins, columns: columns}
	t.selectFrom = `SELECT ` + selectList(alias, columns(new(T))) + ` FROM ` + name + ` ` + alias + joins
	return t
}

// selectSQL reads every column of the kind: "SELECT ... FROM table alias joins", for a query to
// go on with WHERE.
func (t entryTable[T]) selectSQL() string { return t.selectFrom }

// pageSQL is the query of one page of a list: the rows where selects, in order, at most @limit
// of them from @offset on (a nil @limit: all). The page is picked first from the table alone, from
// an index where the order has one, and only its rows are then joined and given their subqueries
// (pictures, photos, cities): over the whole select list, a deep page ran those for every row it
// skipped (issue 12: page 100 of 5,000 news took 21 ms in PostgreSQL, most of it for rows not
// shown). extra is joined in both parts, for a where or a select list that reads another table.
func (t entryTable[T]) pageSQL(extra, where, order string) string {
	return `WITH page AS (SELECT ` + t.alias + `.id FROM ` + t.name + ` ` + t.alias + extra +
		` WHERE ` + where + ` ORDER BY ` + order + ` LIMIT @limit OFFSET @offset) ` +
		t.selectSQL() + extra + ` WHERE ` + t.alias + `.id IN (SELECT id FROM page) ORDER BY ` + order
}

// pageArgs are the values of pageSQL's @limit and @offset for a page of limit rows (0: all) after
// offset.
func pageArgs(limit, offset int) pgx.StrictNamedArgs {
	var l *int
	if limit > 0 {
		l = &limit
	}
	return pgx.StrictNamedArgs{"limit": l, "offset": max(offset, 0)}
}

// collect scans every row a selectSQL query returned into an entry. It reads all rows before
// returning, so no connection stays busy while the caller works.
func (t entryTable[T]) collect(rows pgx.Rows, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, t.scanRow)
}

// scanRow is the pgx.RowToFunc of the kind: it scans a row of selectSQL into the fields the column
// list points at, then lets the adapters of values spanning several columns build them.
func (t entryTable[T]) scanRow(row pgx.CollectableRow) (T, error) {
	var e T
	cols := t.columns(&e)
	dest := make([]any, len(cols))
	for i, c := range cols {
		dest[i] = c.field
	}
	if err := row.Scan(dest...); err != nil {
		return e, err
	}
	for _, c := range cols {
		if f, ok := c.field.(finisher); ok {
			f.finish()
		}
	}
	return e, nil
}

// insert stores e as a new row, version 1, and sets its ID, version and times.
func (t entryTable[T]) insert(ctx context.Context, db DBTX, e *T) error {
	cols := t.columns(e)
	return db.QueryRow(ctx, insertSQL(t.name, cols), values(cols, written, insertOnly)...).
		Scan(fields(cols, "id", "version", "created_at", "updated_at")...)
}

// update writes e over its row and sets its new version and update time.
func (t entryTable[T]) update(ctx context.Context, db DBTX, e *T) error {
	cols := t.columns(e)
	args := append(fields(cols, "id"), values(cols, written)...)
	return db.QueryRow(ctx, updateSQL(t.name, cols), args...).Scan(fields(cols, "version", "updated_at")...)
}
