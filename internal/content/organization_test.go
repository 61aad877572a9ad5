package content_test

import (
	"testing"

	"twincities/internal/content"
)

func validOrganization() content.Organization {
	return content.Organization{
		Slug:        "uclg-eurasia",
		Kind:        content.Union,
		Scope:       content.International,
		Name:        content.Text{RU: "Объединённые города и местные власти — Евразия", EN: "United Cities and Local Governments Eurasia"},
		ShortName:   content.Text{RU: "ОГМВ-Евразия", EN: "UCLG-Eurasia"},
		MemberSince: content.YearDate(2004),
		Role:        content.Text{RU: "Член совета", EN: "Council member"},
		Description: content.Text{RU: "Описание.", EN: "Description."},
		Website:     "https://euroasia-uclg.ru/",
		Sources:     []content.Source{{Title: "UCLG", URL: "https://www.uclg.org/"}},
		Published:   true,
	}
}

func TestOrganizationValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(o *content.Organization)
		want   []content.FieldError
	}{
		{"valid", func(o *content.Organization) {}, nil},
		{"association, national", func(o *content.Organization) { o.Kind, o.Scope = content.Association, content.National }, nil},
		{"no optional fields", func(o *content.Organization) {
			o.ShortName, o.Role, o.Description, o.Website, o.Sources = content.Text{}, content.Text{}, content.Text{}, "", nil
			o.MemberSince = content.Date{}
		}, nil},
		{"draft with English name only", func(o *content.Organization) { o.Published = false; o.Name.RU = "" }, nil},
		{"draft without a name", func(o *content.Organization) { o.Published = false; o.Name = content.Text{} },
			fe("name_ru", "required", "name_en", "required")},
		{"published without Russian name", func(o *content.Organization) { o.Name.RU = "" }, fe("name_ru", "required")},
		{"published short name in one language", func(o *content.Organization) { o.ShortName.EN = "" }, fe("short_name_en", "other_language")},
		{"published role in one language", func(o *content.Organization) { o.Role.RU = "" }, fe("role_ru", "other_language")},
		{"published description in one language", func(o *content.Organization) { o.Description.EN = "" }, fe("description_en", "other_language")},
		{"draft texts in one language", func(o *content.Organization) {
			o.Published = false
			o.ShortName.EN, o.Role.RU, o.Description.EN = "", "", ""
		}, nil},
		{"bad slug", func(o *content.Organization) { o.Slug = "UCLG Eurasia" }, fe("slug", "slug")},
		{"no slug", func(o *content.Organization) { o.Slug = "" }, fe("slug", "required")},
		{"no kind", func(o *content.Organization) { o.Kind = "" }, fe("kind", "choice")},
		{"unknown scope", func(o *content.Organization) { o.Scope = "global" }, fe("scope", "choice")},
		{"bad website", func(o *content.Organization) { o.Website = "euroasia-uclg.ru" }, fe("website", "url")},
		{"source without title", func(o *content.Organization) { o.Sources[0].Title = "" }, fe("sources.0.title", "required")},
		{"second source with a bad URL", func(o *content.Organization) {
			o.Sources = append(o.Sources, content.Source{Title: "Note", URL: "http//broken"})
		}, fe("sources.1.url", "url")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := validOrganization()
			tt.change(&o)
			checkProblems(t, o.Validate(), tt.want)
		})
	}
}

func TestOrganizationNormalize(t *testing.T) {
	t.Parallel()
	o := validOrganization()
	o.Slug = " uclg-eurasia "
	o.Name = content.Text{RU: " ОГМВ ", EN: " UCLG "}
	o.ShortName = content.Text{RU: "ОГМВ ", EN: " UCLG"}
	o.Role = content.Text{RU: "\tЧлен ", EN: " Member\n"}
	o.Website = " https://www.uclg.org/ "
	o.Sources = []content.Source{{Title: " ", URL: " "}, {Title: " UCLG ", URL: ""}}
	o.Normalize()
	if o.Slug != "uclg-eurasia" || o.Website != "https://www.uclg.org/" {
		t.Errorf("slug %q, website %q", o.Slug, o.Website)
	}
	if o.Name != (content.Text{RU: "ОГМВ", EN: "UCLG"}) || o.ShortName != (content.Text{RU: "ОГМВ", EN: "UCLG"}) ||
		o.Role != (content.Text{RU: "Член", EN: "Member"}) {
		t.Errorf("texts not trimmed: %q %q %q", o.Name, o.ShortName, o.Role)
	}
	if len(o.Sources) != 1 || o.Sources[0] != (content.Source{Title: "UCLG"}) {
		t.Errorf("sources = %q", o.Sources)
	}
	checkProblems(t, o.Validate(), nil)
}
