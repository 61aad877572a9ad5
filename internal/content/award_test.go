package content_test

import (
	"testing"
	"time"

	"twincities/internal/content"
)

func validAward() content.Award {
	return content.Award{
		Date:        content.DayDate(2007, time.October, 15),
		Title:       content.Text{RU: "Почётный диплом", EN: "Honorary diploma"},
		AwardedBy:   content.Text{RU: "Совет Европы", EN: "Council of Europe"},
		Place:       content.Text{RU: "Страсбург", EN: "Strasbourg"},
		Description: content.Text{RU: "За развитие побратимских связей.", EN: "For twinning."},
		Sources:     []content.Source{{Title: "Council of Europe", URL: "https://www.coe.int/"}},
		Published:   true,
	}
}

func TestAwardValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(a *content.Award)
		want   []content.FieldError
	}{
		{"valid", func(a *content.Award) {}, nil},
		{"year only", func(a *content.Award) { a.Date = content.YearDate(1994) }, nil},
		{"no date", func(a *content.Award) { a.Date = content.Date{} }, fe("date", "required")},
		{"published without English title", func(a *content.Award) { a.Title.EN = "" }, fe("title_en", "required")},
		{"draft with Russian title only", func(a *content.Award) { a.Published = false; a.Title.EN = "" }, nil},
		// Who gave an award is part of it: required in both languages once published, optional in a draft.
		{"published without awarding body", func(a *content.Award) { a.AwardedBy = content.Text{} },
			fe("awarded_by_ru", "required", "awarded_by_en", "required")},
		{"published awarding body in Russian only", func(a *content.Award) { a.AwardedBy.EN = "" }, fe("awarded_by_en", "required")},
		{"draft without awarding body", func(a *content.Award) { a.Published = false; a.AwardedBy = content.Text{} }, nil},
		{"published place in English only", func(a *content.Award) { a.Place.RU = "" }, fe("place_ru", "other_language")},
		{"published without place", func(a *content.Award) { a.Place = content.Text{} }, nil},
		{"published description in Russian only", func(a *content.Award) { a.Description.EN = "" }, fe("description_en", "other_language")},
		{"source without title", func(a *content.Award) { a.Sources[0].Title = "" }, fe("sources.0.title", "required")},
		{"draft without a date or title", func(a *content.Award) {
			a.Published = false
			a.Date = content.Date{}
			a.Title = content.Text{}
		}, fe("date", "required", "title_ru", "required", "title_en", "required")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := validAward()
			tt.change(&a)
			checkProblems(t, a.Validate(), tt.want)
		})
	}
}

func TestAwardNormalize(t *testing.T) {
	t.Parallel()
	a := validAward()
	a.Title = content.Text{RU: " Диплом ", EN: " Diploma "}
	a.AwardedBy = content.Text{RU: "Совет Европы\n", EN: " Council of Europe"}
	a.Place = content.Text{RU: " ", EN: " "}
	a.Sources = []content.Source{{}, {Title: " CoE ", URL: " https://www.coe.int/ "}}
	a.Normalize()
	if a.Title != (content.Text{RU: "Диплом", EN: "Diploma"}) || a.AwardedBy != (content.Text{RU: "Совет Европы", EN: "Council of Europe"}) ||
		a.Place != (content.Text{}) {
		t.Errorf("texts not trimmed: %q %q %q", a.Title, a.AwardedBy, a.Place)
	}
	if len(a.Sources) != 1 || a.Sources[0] != (content.Source{Title: "CoE", URL: "https://www.coe.int/"}) {
		t.Errorf("sources = %q", a.Sources)
	}
	checkProblems(t, a.Validate(), nil)
}
