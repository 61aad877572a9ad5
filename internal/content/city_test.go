package content_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
)

// validCity is a published city that breaks no rule; each case changes one thing.
func validCity() content.City {
	return content.City{
		Kind:       content.Twin,
		Slug:       "oxford",
		Name:       content.Text{RU: "Оксфорд", EN: "Oxford"},
		Country:    "GB",
		Region:     content.Text{RU: "Англия", EN: "England"},
		Location:   &content.GeoPoint{Lat: 51.752, Lon: -1.2577},
		Since:      content.YearDate(1995),
		Status:     content.Active,
		Summary:    content.Text{RU: "Университетский город.", EN: "A university city."},
		Body:       content.Text{RU: "Отношения установлены в 1995 году.", EN: "Twinned in 1995."},
		Website:    "https://www.oxford.gov.uk/",
		Sources:    []content.Source{{Title: "Oxford City Council", URL: "https://www.oxford.gov.uk/twinning"}, {Title: "Archive"}},
		Published:  true,
		EditorNote: "checked",
	}
}

func TestCityValidate(t *testing.T) {
	t.Parallel()
	long := func(n int, s string) string { return strings.Repeat(s, n) }
	tests := []struct {
		name   string
		change func(c *content.City)
		want   []content.FieldError
	}{
		{"valid", func(c *content.City) {}, nil},
		{"partner city", func(c *content.City) { c.Kind = content.Partner; c.Country = "RU" }, nil},
		{"no location", func(c *content.City) { c.Location = nil }, nil},
		{"no website or sources", func(c *content.City) { c.Website = ""; c.Sources = nil }, nil},
		{"ended with a date", func(c *content.City) {
			c.Status = content.Ended
			c.StatusDate = content.MonthDate(2022, time.June)
			c.StatusNote = content.Text{RU: "Решение городской думы.", EN: "Decision of the city council."}
		}, nil},
		{"suspended with a date", func(c *content.City) {
			c.Status = content.Suspended
			c.StatusDate = content.YearDate(2022)
		}, nil},

		// Names: a draft needs one language, a published city both.
		{"draft with Russian name only", func(c *content.City) { c.Published = false; c.Name.EN = "" }, nil},
		{"draft with English name only", func(c *content.City) { c.Published = false; c.Name.RU = "" }, nil},
		{"draft without a name", func(c *content.City) { c.Published = false; c.Name = content.Text{RU: " ", EN: ""} },
			fe("name_ru", "required", "name_en", "required")},
		{"published without English name", func(c *content.City) { c.Name.EN = "" }, fe("name_en", "required")},
		{"published without Russian name", func(c *content.City) { c.Name.RU = "" }, fe("name_ru", "required")},
		{"published with a blank English name", func(c *content.City) { c.Name.EN = " \t" }, fe("name_en", "required")},
		{"published without any name", func(c *content.City) { c.Name = content.Text{} },
			fe("name_ru", "required", "name_en", "required")},
		{"name too long", func(c *content.City) { c.Name.EN = long(content.MaxName+1, "x") }, fe("name_en", "too_long")},
		{"draft name too long", func(c *content.City) { c.Published = false; c.Name = content.Text{RU: long(content.MaxName+1, "я")} },
			fe("name_ru", "too_long")},
		// The limit counts characters: 200 Cyrillic letters are 400 bytes and still fit.
		{"Cyrillic name at the limit", func(c *content.City) { c.Name.RU = long(content.MaxName, "я") }, nil},

		// Optional bilingual fields: both languages or neither once published.
		{"published region in Russian only", func(c *content.City) { c.Region.EN = "" }, fe("region_en", "other_language")},
		{"published summary in English only", func(c *content.City) { c.Summary.RU = "" }, fe("summary_ru", "other_language")},
		{"published body in Russian only", func(c *content.City) { c.Body.EN = "  " }, fe("body_en", "other_language")},
		{"published status note in English only", func(c *content.City) {
			c.Status = content.Ended
			c.StatusNote = content.Text{EN: "Ended by the council."}
		}, fe("status_note_ru", "other_language")},
		{"published without optional texts", func(c *content.City) {
			c.Region, c.Summary, c.Body = content.Text{}, content.Text{}, content.Text{}
		}, nil},
		{"draft with one-sided optional texts", func(c *content.City) {
			c.Published = false
			c.Region.EN, c.Summary.RU, c.Body.EN = "", "", ""
		}, nil},
		{"summary too long", func(c *content.City) { c.Summary.RU = long(content.MaxSummary+1, "ж") }, fe("summary_ru", "too_long")},

		// Slug.
		{"slug with hyphens and digits", func(c *content.City) { c.Slug = "san-francisco-2" }, nil},
		{"empty slug", func(c *content.City) { c.Slug = "" }, fe("slug", "required")},
		{"upper-case slug", func(c *content.City) { c.Slug = "Oxford" }, fe("slug", "slug")},
		{"slug with a space", func(c *content.City) { c.Slug = "ox ford" }, fe("slug", "slug")},
		{"slug with underscore", func(c *content.City) { c.Slug = "ox_ford" }, fe("slug", "slug")},
		{"slug with leading hyphen", func(c *content.City) { c.Slug = "-oxford" }, fe("slug", "slug")},
		{"slug with trailing hyphen", func(c *content.City) { c.Slug = "oxford-" }, fe("slug", "slug")},
		{"slug with double hyphen", func(c *content.City) { c.Slug = "ox--ford" }, fe("slug", "slug")},
		{"Cyrillic slug", func(c *content.City) { c.Slug = "оксфорд" }, fe("slug", "slug")},
		{"slug with a slash", func(c *content.City) { c.Slug = "ox/ford" }, fe("slug", "slug")},
		{"slug at the limit", func(c *content.City) { c.Slug = long(content.MaxSlug, "a") }, nil},
		{"slug too long", func(c *content.City) { c.Slug = long(content.MaxSlug+1, "a") }, fe("slug", "too_long")},

		// Country.
		{"empty country", func(c *content.City) { c.Country = "" }, fe("country", "required")},
		{"lower-case country", func(c *content.City) { c.Country = "gb" }, fe("country", "country")},
		{"unknown country", func(c *content.City) { c.Country = "ZZ" }, fe("country", "country")},
		{"three-letter country", func(c *content.City) { c.Country = "GBR" }, fe("country", "country")},
		{"country name", func(c *content.City) { c.Country = "United Kingdom" }, fe("country", "country")},

		// Choices.
		{"no kind", func(c *content.City) { c.Kind = "" }, fe("kind", "choice")},
		{"unknown kind", func(c *content.City) { c.Kind = "sister" }, fe("kind", "choice")},
		{"no status", func(c *content.City) { c.Status = "" }, fe("status", "choice")},
		{"unknown status", func(c *content.City) { c.Status = "frozen" }, fe("status", "choice")},
		{"active with a status date", func(c *content.City) { c.StatusDate = content.YearDate(2020) }, fe("status_date", "status_date")},

		// Coordinates.
		{"coordinates at the limits", func(c *content.City) { c.Location = &content.GeoPoint{Lat: -90, Lon: 180} }, nil},
		{"latitude above 90", func(c *content.City) { c.Location.Lat = 90.01 }, fe("latitude", "coordinates")},
		{"latitude below -90", func(c *content.City) { c.Location.Lat = -91 }, fe("latitude", "coordinates")},
		{"longitude above 180", func(c *content.City) { c.Location.Lon = 180.5 }, fe("latitude", "coordinates")},
		{"longitude below -180", func(c *content.City) { c.Location.Lon = -181 }, fe("latitude", "coordinates")},
		// strconv.ParseFloat reads "NaN" from a form; it compares false with every bound.
		{"latitude not a number", func(c *content.City) { c.Location.Lat = math.NaN() }, fe("latitude", "coordinates")},
		{"longitude infinite", func(c *content.City) { c.Location.Lon = math.Inf(1) }, fe("latitude", "coordinates")},

		// Website.
		{"website that is no address", func(c *content.City) { c.Website = "oxford city council" }, fe("website", "url")},
		{"ftp website", func(c *content.City) { c.Website = "ftp://oxford.gov.uk" }, fe("website", "url")},
		{"javascript website", func(c *content.City) { c.Website = "javascript:alert(1)" }, fe("website", "url")},
		{"website too long", func(c *content.City) { c.Website = "https://example.org/" + long(content.MaxURL, "a") }, fe("website", "too_long")},

		// Sources.
		{"source without title", func(c *content.City) { c.Sources[1].Title = " " }, fe("sources.1.title", "required")},
		{"source with a bad URL", func(c *content.City) { c.Sources[1].URL = "archive.org" }, fe("sources.1.url", "url")},
		{"source title too long", func(c *content.City) { c.Sources[0].Title = long(content.MaxName+1, "s") }, fe("sources.0.title", "too_long")},

		{"editor note too long", func(c *content.City) { c.EditorNote = long(content.MaxNote+1, "n") }, fe("editor_note", "too_long")},

		// Every problem is reported at once, in the order of the form.
		{"several problems", func(c *content.City) {
			c.Kind = ""
			c.Slug = "Bad Slug"
			c.Name.EN = ""
			c.Country = "gb"
			c.Website = "oxford"
			c.Sources[0].URL = "nowhere"
		}, fe("kind", "choice", "slug", "slug", "name_en", "required", "country", "country", "website", "url", "sources.0.url", "url")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := validCity()
			tt.change(&c)
			checkProblems(t, c.Validate(), tt.want)
		})
	}
}

func TestCityNormalize(t *testing.T) {
	t.Parallel()
	c := content.City{
		Kind:       content.Twin,
		Slug:       "  oxford\n",
		Name:       content.Text{RU: " Оксфорд ", EN: "\tOxford "},
		Country:    " gb ",
		Region:     content.Text{RU: " Англия", EN: "England "},
		Status:     content.Active,
		StatusNote: content.Text{RU: " ", EN: ""},
		Summary:    content.Text{RU: " Кратко. ", EN: " Briefly. "},
		Website:    "  https://www.oxford.gov.uk/ ",
		Sources: []content.Source{
			{Title: " ", URL: "  "},
			{Title: " Oxford City Council ", URL: " https://www.oxford.gov.uk/ "},
			{},
			{Title: "", URL: " https://example.org/ "},
		},
		Published: true,
	}
	c.Normalize()
	if c.Slug != "oxford" || c.Country != "GB" || c.Website != "https://www.oxford.gov.uk/" {
		t.Errorf("slug %q, country %q, website %q", c.Slug, c.Country, c.Website)
	}
	for name, got := range map[string]content.Text{"name": c.Name, "region": c.Region, "summary": c.Summary, "status note": c.StatusNote} {
		if got.RU != strings.TrimSpace(got.RU) || got.EN != strings.TrimSpace(got.EN) {
			t.Errorf("%s not trimmed: %q", name, got)
		}
	}
	if c.Name != (content.Text{RU: "Оксфорд", EN: "Oxford"}) {
		t.Errorf("name = %q", c.Name)
	}
	// Blank form rows go; a row with only a URL stays so that Validate can ask for its title.
	want := []content.Source{
		{Title: "Oxford City Council", URL: "https://www.oxford.gov.uk/"},
		{Title: "", URL: "https://example.org/"},
	}
	if len(c.Sources) != len(want) {
		t.Fatalf("sources = %q, want %q", c.Sources, want)
	}
	for i := range want {
		if c.Sources[i] != want[i] {
			t.Errorf("sources[%d] = %q, want %q", i, c.Sources[i], want[i])
		}
	}
	checkProblems(t, c.Validate(), fe("sources.1.title", "required"))
}

func TestCityNormalizeKeepsNoBlankSources(t *testing.T) {
	t.Parallel()
	c := validCity()
	c.Sources = []content.Source{{}, {Title: "  ", URL: "\t"}}
	c.Normalize()
	if len(c.Sources) != 0 {
		t.Errorf("blank sources kept: %q", c.Sources)
	}
	checkProblems(t, c.Validate(), nil)
}

// An address typed without its scheme is completed with https://; what cannot be a web address is
// left for validation to refuse.
func TestNormalizeCompletesAddresses(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"www.duisburg.de":          "https://www.duisburg.de",
		" duisburg.de/partner ":    "https://duisburg.de/partner",
		"//duisburg.de":            "https://duisburg.de",
		"duisburg.de:8080/x?y=1#z": "https://duisburg.de:8080/x?y=1#z",
		"пермь.рф":                 "https://пермь.рф",
		"xn--80ajfhc.xn--p1ai":     "https://xn--80ajfhc.xn--p1ai",
		"HTTP://duisburg.de":       "http://duisburg.de",
		"http://duisburg.de":       "http://duisburg.de",
		"mailto:post@duisburg.de":  "mailto:post@duisburg.de",
		"javascript:alert(1)":      "javascript:alert(1)",
		"Duisburg city council":    "Duisburg city council",
		"duisburg":                 "duisburg",
		"1.2":                      "1.2",
		"user@duisburg.de":         "user@duisburg.de",
		"ftp://duisburg.de":        "ftp://duisburg.de",
		"duisburg.de:port":         "duisburg.de:port",
		"":                         "",
	}
	for typed, want := range tests {
		c := content.City{Website: typed}
		c.Normalize()
		if c.Website != want {
			t.Errorf("%q normalised to %q, want %q", typed, c.Website, want)
		}
	}
}
