package opendata

import (
	"time"

	"twincities/internal/content"
)

// StandardVersion is the address by which a passport names the version of the recommendations it
// follows.
const StandardVersion = "http://opendata.gosmonitor.ru/standard/3.0"

// License is the licence of every set: Creative Commons Attribution 4.0 International.
const License = "https://creativecommons.org/licenses/by/4.0/"

// Format is the format of every data file.
const Format = "csv"

// Properties are the properties of a passport (meta.csv) in the order of the recommendations
// (version 3.0). The two marked data- and structure- are written with their versions, as
// "data-20261130-structure-20261130" and "structure-20261130". ExtraProperties follow them.
var Properties = []string{"standardversion", "identifier", "title", "description", "creator", "created", "modified",
	"subject", "format", "data-", "structure-", "publishername", "publisherphone", "publishermbox", "valid", "provenance"}

// ExtraProperties are ours, after the recommendations' own: the licence (the recommendations ask
// for the terms of use on the set's page, and a machine should find them as well) and how often
// the set is updated (the recommendations ask publishers to set it; their CSV passport has no
// property for it).
var ExtraProperties = []string{"license", "updatefrequency"}

// Publisher is who answers for the open data, and the organisation that owns it, from the
// settings administrators edit. Each part is empty until someone enters it: nothing is guessed.
type Publisher = content.OpenData

// Identifier is a set's identifier: "<INN>-<code>" once the organisation's INN is known. Until
// then it is the code alone: an identifier with a made-up INN would claim an owner nobody named.
func Identifier(inn, code string) string {
	if inn == "" {
		return code
	}
	return inn + "-" + code
}

// FileDate is how a file name writes a date: YYYYMMDD, the day in Perm, whose department
// publishes the data.
func FileDate(t time.Time) string { return t.In(content.PermZone()).Format("20060102") }

// DataVersion is the name of a data file without its extension, as the passport's property:
// "data-20261130-structure-20261130".
func DataVersion(modified, structure time.Time) string {
	return "data-" + FileDate(modified) + "-structure-" + FileDate(structure)
}

// DataFile is the name of a set's data file when its data last changed at modified.
func (s Set) DataFile(modified time.Time) string {
	return DataVersion(modified, s.StructureDate) + "." + Format
}

// StructureVersion is the name of a structure file without its extension: "structure-20261130".
func (s Set) StructureVersion() string { return "structure-" + FileDate(s.StructureDate) }

// StructureFile is the name of the set's structure file.
func (s Set) StructureFile() string { return s.StructureVersion() + "." + Format }

// DataDate is the date the set's data file is named by: when its data last changed; for a set
// with nothing published yet, whose file is its header alone, when that header was defined.
func (s Set) DataDate(t Times) time.Time {
	if t.Modified.IsZero() {
		return s.StructureDate
	}
	return t.Modified
}

// Times are the moments that date a set: when its data was first published and when it last
// changed. Both are zero for a set with nothing published yet.
type Times struct {
	Created, Modified time.Time
}

// Passport is a set's passport (meta.csv) as property-value rows. dir is the absolute address of
// the set's directory ("https://example.org/opendata/5902290000-twincities"). Values not known
// (no INN, no responsible person, a set never published) are left empty rather than guessed.
func (s Set) Passport(p Publisher, t Times, dir string) Table {
	var created, modified, valid string
	if !t.Modified.IsZero() {
		created, modified = FileDate(t.Created), FileDate(t.Modified)
		valid = p.Frequency.ValidUntil(t.Modified)
	}
	data := s.DataDate(t)
	return Table{Header: []string{"property", "value"}, Records: [][]string{
		{"standardversion", StandardVersion},
		{"identifier", Identifier(p.INN, s.Code)},
		{"title", s.Title},
		{"description", s.Description},
		{"creator", p.Creator},
		{"created", created},
		{"modified", modified},
		{"subject", s.Subject},
		{"format", Format},
		{DataVersion(data, s.StructureDate), dir + "/" + s.DataFile(data)},
		{s.StructureVersion(), dir + "/" + s.StructureFile()},
		{"publishername", p.Name},
		{"publisherphone", p.Phone},
		{"publishermbox", p.Email},
		{"valid", valid},
		{"provenance", ""},
		{"license", License},
		{"updatefrequency", p.Frequency.Russian()},
	}}
}

// Register is the register of the sets (list.csv): each set's identifier, title, the address of
// its passport and the format. base is the site's address.
func Register(inn, base string) Table {
	t := Table{Header: []string{"property", "title", "value", "format"}}
	for _, s := range Sets {
		ident := Identifier(inn, s.Code)
		t.Records = append(t.Records, []string{ident, s.Title, base + "/opendata/" + ident + "/meta.csv", Format})
	}
	return t
}
