package schemaorg_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"twincities/internal/content"
	"twincities/internal/schemaorg"
)

// roundTrip encodes a Thing as the page does and reads it back.
func roundTrip(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDepartmentGivesOnlyWhatExists(t *testing.T) {
	full := content.Place{Name: content.Text{RU: "Управление", EN: "Department"}, Address: content.Text{RU: "ул. Ленина, 23", EN: "23 Lenina St"},
		Phone: "+7 342 000-00-00", Email: "a@example.org", Website: "https://example.org"}
	d := roundTrip(t, schemaorg.Department(full, content.EN, "https://site/en/contacts"))
	if d["@type"] != "GovernmentOrganization" || d["@context"] != "https://schema.org" || d["name"] != "Department" ||
		d["telephone"] != full.Phone || d["email"] != full.Email || d["url"] != "https://site/en/contacts" {
		t.Errorf("department %v", d)
	}
	if a := d["address"].(map[string]any); a["streetAddress"] != "23 Lenina St" || a["@type"] != "PostalAddress" {
		t.Errorf("address %v", a)
	}
	// Nothing known but the name: no empty keys, nothing invented.
	bare := roundTrip(t, schemaorg.Department(content.Place{Name: content.Text{EN: "Department"}}, content.EN, "u"))
	for _, k := range []string{"telephone", "email", "address", "sameAs", "geo", "description"} {
		if _, ok := bare[k]; ok {
			t.Errorf("a department without %s has %s: %v", k, k, bare[k])
		}
	}
}

func TestCityAndEvents(t *testing.T) {
	c := content.City{Kind: content.Twin, Slug: "duisburg", Name: content.Text{RU: "Дуйсбург", EN: "Duisburg"}, Country: "DE",
		Location: &content.GeoPoint{Lat: 51.43, Lon: 6.76}, Website: "https://duisburg.de"}
	got := roundTrip(t, schemaorg.City(c, content.RU, "https://site/ru/twin-cities/duisburg"))
	g := got["geo"].(map[string]any)
	if got["@type"] != "City" || got["name"] != "Дуйсбург" || got["alternateName"] != "Duisburg" || g["latitude"] != 51.43 ||
		g["longitude"] != 6.76 || got["sameAs"].([]any)[0] != "https://duisburg.de" {
		t.Errorf("city %v", got)
	}
	events := []content.Event{
		{Date: content.YearDate(2007), Title: content.Text{RU: "Год", EN: "Year"}},
		{Date: content.MonthDate(2007, time.October), Title: content.Text{RU: "Месяц", EN: "Month"}},
		{Date: content.DayDate(2007, time.October, 15), Title: content.Text{RU: "День", EN: "Day"}, Text: content.Text{EN: "**Bold** text"}},
	}
	summary := func(md string) string { return strings.ReplaceAll(md, "**", "") }
	es := schemaorg.Events(events, &c, content.EN, "https://site/en/twin-cities/duisburg", summary)
	for i, want := range []string{"2007", "2007-10", "2007-10-15"} {
		e := roundTrip(t, es[i])
		if e["@type"] != "Event" || e["startDate"] != want || e["location"].(map[string]any)["name"] != "Duisburg" {
			t.Errorf("event %d: %v, want startDate %s at Duisburg", i, e, want)
		}
	}
	if d := roundTrip(t, es[2])["description"]; d != "Bold text" {
		t.Errorf("description %q", d)
	}
	// The general timeline's events are in Perm.
	perm := roundTrip(t, schemaorg.Events(events[:1], nil, content.RU, "", summary)[0])
	if loc := perm["location"].(map[string]any); loc["name"] != "Пермь" || loc["geo"] == nil {
		t.Errorf("a general event's location %v, want Perm", loc)
	}
}

func TestBreadcrumbsAndLists(t *testing.T) {
	b := roundTrip(t, schemaorg.Breadcrumbs([]schemaorg.Crumb{{"Home", "https://s/en/"}, {"Awards", "https://s/en/awards"}}))
	items := b["itemListElement"].([]any)
	if b["@type"] != "BreadcrumbList" || len(items) != 2 || items[1].(map[string]any)["position"] != 2.0 ||
		items[1].(map[string]any)["item"] != "https://s/en/awards" {
		t.Errorf("breadcrumbs %v", b)
	}
	orgs := roundTrip(t, schemaorg.OrganizationList("Memberships", []schemaorg.OrgLink{{Org: content.Organization{
		Name: content.Text{EN: "United Cities and Local Governments"}, ShortName: content.Text{EN: "UCLG"}}, URL: "https://s/en/memberships/uclg"}},
		content.EN, func(string) string { return "" }))
	org := orgs["itemListElement"].([]any)[0].(map[string]any)["item"].(map[string]any)
	if org["@type"] != "Organization" || org["alternateName"] != "UCLG" || org["url"] != "https://s/en/memberships/uclg" {
		t.Errorf("organisation %v", org)
	}
}

// TestEncodedAsTheLayoutDoesCannotCloseTheScript checks the encoding the layout relies on:
// encoding/json writes <, > and & escaped, so no string can end the script element.
func TestEncodedAsTheLayoutDoesCannotCloseTheScript(t *testing.T) {
	c := content.City{Name: content.Text{EN: "</script><script>alert(1)</script><!--"}}
	b, err := json.Marshal(schemaorg.City(c, content.EN, ""))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, "<") || strings.Contains(s, ">") {
		t.Errorf("encoded with < or >: %s", s)
	}
}

// MarshalJSON, for an encoder that asks a Thing for bytes rather than letting it write itself,
// gives the same JSON as the encoder that lets it (MarshalJSONTo), the properties in order.
func TestThingMarshalJSONMatchesMarshalJSONTo(t *testing.T) {
	c := content.City{Kind: content.Twin, Slug: "duisburg", Name: content.Text{RU: "Дуйсбург", EN: "Duisburg"}, Country: "DE",
		Location: &content.GeoPoint{Lat: 51.43, Lon: 6.76}, Website: "https://duisburg.de", Summary: content.Text{EN: "A <b> & </script>"}}
	thing := schemaorg.City(c, content.EN, "https://site/en/twin-cities/duisburg")
	viaEncoder, err := json.Marshal(thing)
	if err != nil {
		t.Fatal(err)
	}
	asked, err := thing.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(asked, &a); err != nil {
		t.Fatalf("MarshalJSON gave no JSON: %v\n%s", err, asked)
	}
	if err := json.Unmarshal(viaEncoder, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("MarshalJSON %s, the encoder %s", asked, viaEncoder)
	}
	if !strings.HasPrefix(string(asked), `{"@context":"https://schema.org","@type":"City","name":"Duisburg"`) {
		t.Errorf("the properties are not in the order given: %s", asked)
	}
}
