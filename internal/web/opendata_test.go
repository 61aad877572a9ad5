package web_test

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/opendata"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// fetchCSV gets path and parses it as CSV, checking what every open data file must be: 200,
// text/csv in UTF-8, named for saving after the last part of its address.
func fetchCSV(t *testing.T, h http.Handler, p string) [][]string {
	t.Helper()
	res := get(t, h, p)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", p, res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", p, ct)
	}
	if cd, want := res.Header.Get("Content-Disposition"), `attachment; filename="`+path.Base(p)+`"`; cd != want {
		t.Errorf("GET %s: Content-Disposition %q, want %q", p, cd, want)
	}
	r := csv.NewReader(strings.NewReader(res.body))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("GET %s: not CSV: %v\n%s", p, err, res.body)
	}
	if len(records) == 0 {
		t.Fatalf("GET %s: no header row", p)
	}
	return records
}

// sitePath is the path of an absolute address of the test site.
func sitePath(t *testing.T, u string) string {
	t.Helper()
	p, ok := strings.CutPrefix(u, testBaseURL)
	if !ok {
		t.Fatalf("%q is not an address of the site", u)
	}
	return p
}

// passportOf reads a passport into its properties, in order, and their values.
func passportOf(t *testing.T, records [][]string) ([]string, map[string]string) {
	t.Helper()
	if !slices.Equal(records[0], []string{"property", "value"}) {
		t.Fatalf("passport header %q", records[0])
	}
	var props []string
	values := map[string]string{}
	for _, r := range records[1:] {
		if len(r) != 2 {
			t.Fatalf("passport row %q", r)
		}
		props = append(props, r[0])
		values[r[0]] = r[1]
	}
	return props, values
}

// The register, every passport, data and structure file, fetched through the real router and
// parsed as CSV, agree with the database: every published entry appears with its names and dates,
// no unpublished one does, the counts match, the data's header is the structure's list of
// columns, the passports name the files served and list the recommendations' properties, and
// modified is the moment the last public change was made.
func TestOpenDataAgreesWithTheDatabase(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	ctx := t.Context()
	h := site(t, db)

	// A twin city withdrawn from publication: gone from the data, and the set's modified moves.
	all, err := store.ListCities(ctx, db, store.CityQuery{Kind: content.Twin})
	if err != nil || len(all) < 2 {
		t.Fatalf("seeded twin cities: %d (%v)", len(all), err)
	}
	withdrawn := all[0]
	before := time.Now()
	if _, err := store.Cities.SetPublished(ctx, db, withdrawn.ID, withdrawn.Version, false, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	after := time.Now()

	register := fetchCSV(t, h, "/opendata/list.csv")
	if !slices.Equal(register[0], []string{"property", "title", "value", "format"}) || len(register) != len(opendata.Sets)+1 {
		t.Fatalf("register: %q", register)
	}
	published := map[string]int{}
	cities, err := store.ListCities(ctx, db, store.CityQuery{Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]content.City{}
	for _, c := range cities {
		published[string(c.Kind)]++
		byID[strconv.FormatInt(c.ID, 10)] = c
	}
	orgs, _ := store.ListOrganizations(ctx, db, store.Public)
	awards, _ := store.ListAwards(ctx, db, store.AwardQuery{Filter: store.Public})
	events, _ := store.ListEvents(ctx, db, store.EventQuery{Filter: store.Public})
	counts := map[string]int{"twincities": published["twin"], "partnercities": published["partner"], "memberships": len(orgs),
		"awards": len(awards), "events": len(events)}

	for i, row := range register[1:] {
		set := opendata.Sets[i]
		if row[0] != set.Code || row[1] != set.Title || row[3] != "csv" {
			t.Errorf("register row %q for set %s", row, set.Code)
		}
		props, meta := passportOf(t, fetchCSV(t, h, sitePath(t, row[2])))
		// The property list is the recommendations' (data- and structure- carry their versions).
		var general []string
		var dataProp, structProp string
		for _, p := range props {
			switch {
			case strings.HasPrefix(p, "data-"):
				general, dataProp = append(general, "data-"), p
			case strings.HasPrefix(p, "structure-"):
				general, structProp = append(general, "structure-"), p
			default:
				general = append(general, p)
			}
		}
		if want := append(slices.Clone(opendata.Properties), opendata.ExtraProperties...); !slices.Equal(general, want) {
			t.Errorf("%s: passport properties %q, want %q", set.Code, general, want)
		}
		if meta["identifier"] != set.Code || meta["standardversion"] != opendata.StandardVersion || meta["license"] != opendata.License ||
			meta["title"] != set.Title {
			t.Errorf("%s: passport %v", set.Code, meta)
		}
		// Nobody entered the publisher: the passport leaves it empty rather than guess.
		for _, k := range []string{"creator", "publishername", "publisherphone", "publishermbox"} {
			if meta[k] != "" {
				t.Errorf("%s: %s is %q, nobody entered it", set.Code, k, meta[k])
			}
		}
		// The file names the passport gives are the files served.
		dataPath, structPath := sitePath(t, meta[dataProp]), sitePath(t, meta[structProp])
		if path.Base(dataPath) != dataProp+".csv" || path.Base(structPath) != structProp+".csv" {
			t.Errorf("%s: passport names %s and %s for %s and %s", set.Code, dataProp, structProp, dataPath, structPath)
		}
		if !strings.HasPrefix(dataProp, "data-"+meta["modified"]+"-structure-") {
			t.Errorf("%s: data file %s is not dated by modified %s", set.Code, dataProp, meta["modified"])
		}
		structure := fetchCSV(t, h, structPath)
		if !slices.Equal(structure[0], []string{"field name", "english description", "russian description", "format"}) {
			t.Errorf("%s: structure header %q", set.Code, structure[0])
		}
		data := fetchCSV(t, h, dataPath)
		var columns []string
		for _, r := range structure[1:] {
			columns = append(columns, r[0])
		}
		if !slices.Equal(data[0], columns) {
			t.Errorf("%s: data header %q, structure %q", set.Code, data[0], columns)
		}
		if got := len(data) - 1; got != counts[set.Code] {
			t.Errorf("%s: %d rows, %d published", set.Code, got, counts[set.Code])
		}
		if set.Entity != content.EntityCity {
			continue
		}
		col := func(r []string, name string) string { return r[slices.Index(data[0], name)] }
		for _, r := range data[1:] {
			c, ok := byID[col(r, "id")]
			if !ok || c.Kind != set.Kind {
				t.Errorf("%s: row %q is not a published city of the set", set.Code, r)
				continue
			}
			if col(r, "name_ru") != c.Name.RU || col(r, "name_en") != c.Name.EN || col(r, "since") != c.Since.String() ||
				col(r, "since_precision") != string(c.Since.Precision) || col(r, "status") != string(c.Status) || col(r, "country") != c.Country {
				t.Errorf("%s: row %q disagrees with %+v", set.Code, r, c)
			}
			if col(r, "id") == strconv.FormatInt(withdrawn.ID, 10) {
				t.Errorf("%s: the withdrawn city %s is in the data", set.Code, withdrawn.Name.EN)
			}
		}
		if set.Kind == content.Twin {
			if d := meta["modified"]; d != opendata.FileDate(before) && d != opendata.FileDate(after) {
				t.Errorf("twin cities: modified %s, but a city was withdrawn on %s", d, opendata.FileDate(after))
			}
		}
	}

	// Only the current files exist: an old data date, another structure or an unknown set is 404.
	twin, _ := opendata.ByCode("twincities")
	for _, p := range []string{"/opendata/twincities/data-20000101-structure-" + opendata.FileDate(twin.StructureDate) + ".csv",
		"/opendata/twincities/structure-20000101.csv", "/opendata/nosuchset/meta.csv", "/opendata/twincities/meta.json",
		"/opendata/1234567894-twincities/meta.csv"} {
		if res := get(t, h, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, res.StatusCode)
		}
	}

	// Once the INN and the publisher are entered, the identifiers carry the INN, the passports
	// name the publisher, and the old addresses lead to the new ones.
	set := content.Settings{OpenData: content.OpenData{INN: "5902000008", Creator: "Администрация города", Name: "Иванова Анна",
		Phone: "+7 342 212-34-56", Email: "opendata@example.org", Frequency: content.Yearly}}
	if err := store.UpdateSettings(ctx, db, set, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	register = fetchCSV(t, h, "/opendata/list.csv")
	if register[1][0] != "5902000008-twincities" || register[1][2] != testBaseURL+"/opendata/5902000008-twincities/meta.csv" {
		t.Errorf("register with the INN: %q", register[1])
	}
	_, meta := passportOf(t, fetchCSV(t, h, "/opendata/5902000008-twincities/meta.csv"))
	if meta["identifier"] != "5902000008-twincities" || meta["creator"] != "Администрация города" || meta["publishername"] != "Иванова Анна" ||
		meta["publisherphone"] != "+73422123456" || meta["publishermbox"] != "opendata@example.org" || meta["updatefrequency"] != "ежегодно" ||
		meta["valid"] == "" {
		t.Errorf("passport with the publisher: %v", meta)
	}
	res := get(t, h, "/opendata/twincities/meta.csv")
	if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "/opendata/5902000008-twincities/meta.csv" {
		t.Errorf("the address without the INN: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// The section's page lists every set with its files (each answering), its last change and the
// licence, in both languages; the footer of every page links to it.
func TestOpenDataPage(t *testing.T) {
	t.Parallel()
	h := site(t, pgtest.SeededDB(t))
	for _, lang := range []string{"ru", "en"} {
		res := mustGet(t, h, "/"+lang+"/opendata")
		if n := res.doc.Find("ul.opendata-sets > li").Length(); n != len(opendata.Sets) {
			t.Errorf("%s: %d sets listed, want %d", lang, n, len(opendata.Sets))
		}
		if res.doc.Find(`a[rel="license"][href="`+opendata.License+`"]`).Length() != 1 {
			t.Errorf("%s: no link to the licence", lang)
		}
		if res.doc.Find(`ul.opendata-sets time[datetime]`).Length() != len(opendata.Sets) {
			t.Errorf("%s: not every set says when it last changed", lang)
		}
		links := attrs(res.doc, `main a[href^="/opendata/"]`, "href")
		if len(links) != 1+3*len(opendata.Sets) {
			t.Errorf("%s: links to files %q", lang, links)
		}
		for _, l := range links {
			fetchCSV(t, h, l)
		}
		home := mustGet(t, h, "/"+lang+"/")
		if home.doc.Find(`footer a[href="/`+lang+`/opendata"]`).Length() != 1 {
			t.Errorf("%s: the footer does not link to the open data", lang)
		}
	}
}

// Administrators edit the publisher in the settings: a wrong INN, phone or e-mail comes back with
// a message at the field (422) and nothing saved; right ones are saved, logged and shown; the
// dashboard says the passports are incomplete until they are.
func TestOpenDataSettings(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addAdmin(t, db)
	s := startSite(t, db)
	b := s.newBrowser(t, "ru")
	b.mustSignIn(adminEmail, adminPassword)
	if !strings.Contains(b.mustGet("/admin/").text(), squash(adminRU.OpenDataGap)) {
		t.Error("the dashboard does not say the open data passports are incomplete")
	}
	form := b.mustGet("/admin/settings")
	res := b.submit(form, formAt("/admin/settings"), url.Values{"opendata_inn": {"590200000"}, "opendata_phone": {"212-34-56"},
		"opendata_email": {"not an address"}})
	expectStatus(t, res, http.StatusUnprocessableEntity)
	for field, problem := range map[string]content.Problem{"opendata-inn": content.ProblemINN, "opendata-phone": content.ProblemPhoneDigits,
		"opendata-email": content.ProblemEmail} {
		if got := squash(res.doc.Find("#f-" + field + "-error").Text()); got != squash(adminRU.Problems[problem]) {
			t.Errorf("%s: error %q", field, got)
		}
	}
	if res.doc.Find("#f-opendata-inn").AttrOr("value", "") != "590200000" {
		t.Error("the INN typed is not given back")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM settings WHERE opendata_inn <> ''`); n != 0 {
		t.Error("invalid settings were saved")
	}
	res = b.submit(form, formAt("/admin/settings"), url.Values{"opendata_inn": {"5902000008"}, "opendata_creator": {"Администрация"},
		"opendata_name": {"Иванова Анна"}, "opendata_phone": {"+7 (342) 212-34-56"}, "opendata_email": {"opendata@example.org"},
		"opendata_frequency": {"monthly"}})
	expectRedirect(t, res, "/admin/settings")
	saved := b.follow(res)
	if saved.doc.Find("#f-opendata-phone").AttrOr("value", "") != "+73422123456" ||
		saved.doc.Find(`#f-opendata-frequency option[selected]`).AttrOr("value", "") != "monthly" {
		t.Errorf("saved settings shown as %q, %q", saved.doc.Find("#f-opendata-phone").AttrOr("value", ""),
			saved.doc.Find(`#f-opendata-frequency option[selected]`).AttrOr("value", ""))
	}
	log, err := store.ListAudit(t.Context(), db, store.AuditQuery{Action: store.ActionSettingsUpdate})
	if err != nil || len(log) != 1 || !slices.Contains(log[0].Changes, content.Change{Field: "opendata_inn", Before: "", After: "5902000008"}) {
		t.Errorf("the audit log of the settings: %+v (%v)", log, err)
	}
	if strings.Contains(b.mustGet("/admin/").text(), squash(adminRU.OpenDataGap)) {
		t.Error("the dashboard still says the passports are incomplete")
	}
}
