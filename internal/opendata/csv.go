package opendata

import (
	"bytes"
	"encoding/csv"
)

// Table is a CSV file: its header row and its records.
type Table struct {
	Header  []string
	Records [][]string
}

// CSV writes the table as RFC 4180 says: comma-separated, fields with commas, quotes or line
// breaks quoted, quotes doubled, every line ended by CR LF. No byte-order mark: the
// recommendations ask for UTF-8, and a BOM would become part of the first column's name for
// many readers.
func (t Table) CSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	// Writing to a bytes.Buffer cannot fail.
	_ = w.Write(t.Header)
	_ = w.WriteAll(t.Records)
	return buf.Bytes()
}
