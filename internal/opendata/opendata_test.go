package opendata_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/opendata"
)

func parse(t *testing.T, b []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, b)
	}
	return records
}

// A CSV file is RFC 4180: CR LF line ends, commas, quotes and line breaks inside fields quoted,
// quotes doubled, so that any CSV reader gets the values back exactly.
func TestCSVQuotesAsRFC4180(t *testing.T) {
	values := []string{`Дуйсбург, Германия`, `«Пермь» и "Perm"`, "две\nстроки", "", " пробел "}
	b := opendata.Table{Header: []string{"a", "b", "c", "d", "e"}, Records: [][]string{values}}.CSV()
	if !bytes.HasPrefix(b, []byte("a,b,c,d,e\r\n")) || !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("lines are not ended by CR LF: %q", b)
	}
	if !bytes.Contains(b, []byte(`"«Пермь» и ""Perm"""`)) {
		t.Errorf("quotes not doubled inside a quoted field: %q", b)
	}
	if got := parse(t, b); !slices.Equal(got[1], values) {
		t.Errorf("read back %q, wrote %q", got[1], values)
	}
}

// Every set's structure file describes exactly the columns of its data file, in their order, with
// the recommendations' header, descriptions in both languages and a format.
func TestStructureDescribesTheData(t *testing.T) {
	codes := map[string]bool{}
	for _, s := range opendata.Sets {
		if codes[s.Code] {
			t.Errorf("code %s used twice", s.Code)
		}
		codes[s.Code] = true
		st := s.Structure()
		if !slices.Equal(st.Header, []string{"field name", "english description", "russian description", "format"}) {
			t.Errorf("%s: structure header %q", s.Code, st.Header)
		}
		var names []string
		for _, r := range st.Records {
			names = append(names, r[0])
			if r[1] == "" || r[2] == "" || !slices.Contains([]string{"string", "integer", "float", "date"}, r[3]) {
				t.Errorf("%s: column %s is described as %q", s.Code, r[0], r)
			}
		}
		if !slices.Equal(names, s.Data(opendata.Input{}).Header) {
			t.Errorf("%s: structure lists %q, data has %q", s.Code, names, s.Data(opendata.Input{}).Header)
		}
		if s.Title == "" || s.TitleEN == "" || s.Description == "" || s.DescriptionEN == "" || s.Subject == "" || s.StructureDate.IsZero() {
			t.Errorf("%s: a word of its passport or page is missing: %+v", s.Code, s)
		}
	}
}

// Every record has as many cells as the header, and a date keeps its precision.
func TestRecordsMatchTheirHeader(t *testing.T) {
	id := int64(7)
	in := opendata.Input{BaseURL: "https://example.org",
		Cities: []content.City{
			{ID: 1, Kind: content.Twin, Slug: "duisburg", Name: content.Text{RU: "Дуйсбург", EN: "Duisburg"}, Country: "DE",
				Since: content.YearDate(2007), Status: content.Active,
				Sources: []content.Source{{Title: "a", URL: "https://a.example"}, {Title: "b"}, {Title: "c", URL: "https://c.example"}}},
			{ID: 2, Kind: content.Partner, Slug: "kazan", Name: content.Text{RU: "Казань", EN: "Kazan"}, Country: "RU",
				Location: &content.GeoPoint{Lat: 55.79, Lon: 49.12}},
		},
		Organizations: []content.Organization{{ID: 3, Slug: "uclg", MemberSince: content.MonthDate(2006, time.November)}},
		Awards:        []content.Award{{ID: 4, Date: content.DayDate(2018, time.May, 3), CityID: &id}},
		Events:        []content.Event{{ID: 5, Date: content.YearDate(1994)}},
	}
	for _, s := range opendata.Sets {
		d := s.Data(in)
		if len(d.Records) != 1 {
			t.Fatalf("%s: %d records, want 1 (each set takes its own entries)", s.Code, len(d.Records))
		}
		for _, r := range d.Records {
			if len(r) != len(d.Header) {
				t.Errorf("%s: a record of %d cells under %d columns", s.Code, len(r), len(d.Header))
			}
		}
	}
	twin, _ := opendata.ByCode("twincities")
	r := cell(twin.Data(in))
	if r["since"] != "2007" || r["since_precision"] != "year" || r["source_urls"] != "https://a.example https://c.example" ||
		r["page_en"] != "https://example.org/en/twin-cities/duisburg" || r["latitude"] != "" || r["name_ru"] != "Дуйсбург" {
		t.Errorf("Duisburg's row: %v", r)
	}
	partner, _ := opendata.ByCode("partnercities")
	if r := cell(partner.Data(in)); r["latitude"] != "55.79" || r["longitude"] != "49.12" || r["since"] != "" || r["since_precision"] != "" {
		t.Errorf("Kazan's row: %v", r)
	}
	m, _ := opendata.ByCode("memberships")
	if r := cell(m.Data(in)); r["member_since"] != "2006-11" || r["member_since_precision"] != "month" {
		t.Errorf("membership row: %v", r)
	}
	a, _ := opendata.ByCode("awards")
	if r := cell(a.Data(in)); r["date"] != "2018-05-03" || r["date_precision"] != "day" || r["city_id"] != "7" {
		t.Errorf("award row: %v", r)
	}
}

func cell(t opendata.Table) map[string]string {
	m := map[string]string{}
	for i, h := range t.Header {
		m[h] = t.Records[0][i]
	}
	return m
}

// A passport has the recommendations' properties in their order, then ours; it names its files
// as they are served, dated in Perm; and it leaves empty what nobody entered.
func TestPassport(t *testing.T) {
	s, _ := opendata.ByCode("twincities")
	modified := time.Date(2026, time.March, 9, 19, 30, 0, 0, time.UTC) // 10 March in Perm
	created := time.Date(2025, time.January, 2, 10, 0, 0, 0, time.UTC)
	p := s.Passport(opendata.Publisher{}, opendata.Times{Created: created, Modified: modified}, "https://example.org/opendata/twincities")
	if !slices.Equal(p.Header, []string{"property", "value"}) {
		t.Errorf("header %q", p.Header)
	}
	got := map[string]string{}
	var props []string
	for _, r := range p.Records {
		prop := r[0]
		got[prop] = r[1]
		switch {
		case strings.HasPrefix(prop, "data-"):
			prop = "data-"
		case strings.HasPrefix(prop, "structure-"):
			prop = "structure-"
		}
		props = append(props, prop)
	}
	if want := append(slices.Clone(opendata.Properties), opendata.ExtraProperties...); !slices.Equal(props, want) {
		t.Errorf("properties %q, want %q", props, want)
	}
	wantData := "data-20260310-structure-" + opendata.FileDate(s.StructureDate)
	if got[wantData] != "https://example.org/opendata/twincities/"+wantData+".csv" || s.DataFile(modified) != wantData+".csv" {
		t.Errorf("data file: passport %v, file name %s", got, s.DataFile(modified))
	}
	if got["identifier"] != "twincities" || got["created"] != "20250102" || got["modified"] != "20260310" ||
		got["standardversion"] != opendata.StandardVersion || got["license"] != opendata.License || got["format"] != "csv" {
		t.Errorf("passport %v", got)
	}
	for _, k := range []string{"creator", "publishername", "publisherphone", "publishermbox", "valid"} {
		if got[k] != "" {
			t.Errorf("%s is %q before anyone entered it", k, got[k])
		}
	}
	full := opendata.Publisher{INN: "5902000008", Creator: "Администрация", Name: "Анна", Phone: "+73422123456",
		Email: "a@example.org", Frequency: content.Monthly}
	p = s.Passport(full, opendata.Times{Created: created, Modified: modified}, "https://example.org/opendata/5902000008-twincities")
	got = map[string]string{}
	for _, r := range p.Records {
		got[r[0]] = r[1]
	}
	if got["identifier"] != "5902000008-twincities" || got["publishermbox"] != "a@example.org" || got["valid"] != "20260410" ||
		got["updatefrequency"] != "ежемесячно" {
		t.Errorf("passport with a publisher: %v", got)
	}
}

// A set nothing was ever published in has a data file of its header alone, named by the date
// its structure was defined, and a passport with no dates.
func TestPassportOfAnEmptySet(t *testing.T) {
	s, _ := opendata.ByCode("awards")
	p := s.Passport(opendata.Publisher{}, opendata.Times{}, "https://example.org/opendata/awards")
	var names []string
	for _, r := range p.Records {
		names = append(names, r[0])
		if (r[0] == "created" || r[0] == "modified") && r[1] != "" {
			t.Errorf("%s is %q for a set never published", r[0], r[1])
		}
	}
	if want := "data-" + opendata.FileDate(s.StructureDate) + "-structure-" + opendata.FileDate(s.StructureDate); !slices.Contains(names, want) {
		t.Errorf("passport %q lacks %s", names, want)
	}
}

// The register lists every set with its identifier and the address of its passport.
func TestRegister(t *testing.T) {
	r := opendata.Register("5902000008", "https://example.org")
	if !slices.Equal(r.Header, []string{"property", "title", "value", "format"}) || len(r.Records) != len(opendata.Sets) {
		t.Fatalf("register %v", r)
	}
	if r.Records[0][0] != "5902000008-twincities" || r.Records[0][2] != "https://example.org/opendata/5902000008-twincities/meta.csv" {
		t.Errorf("first row %q", r.Records[0])
	}
}
