// Package migrations holds the database schema as goose SQL migrations, embedded in the binary so
// that the schema a binary expects always travels with it.
package migrations

import "embed"

// FS holds every migration, in version order by file name.
//
//go:embed *.sql
var FS embed.FS
