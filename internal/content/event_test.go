package content_test

import (
	"testing"
	"time"

	"twincities/internal/content"
)

func validEvent() content.Event {
	return content.Event{
		Date:      content.MonthDate(2006, time.November),
		Title:     content.Text{RU: "Визит делегации", EN: "Delegation visit"},
		Text:      content.Text{RU: "Делегация посетила Пермь.", EN: "A delegation visited Perm."},
		Link:      "https://www.gorodperm.ru/",
		Sources:   []content.Source{{Title: "Пресс-служба"}},
		Published: true,
	}
}

func TestEventValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(e *content.Event)
		want   []content.FieldError
	}{
		{"valid", func(e *content.Event) {}, nil},
		{"no link, text or sources", func(e *content.Event) { e.Link, e.Text, e.Sources = "", content.Text{}, nil }, nil},
		{"no date", func(e *content.Event) { e.Date = content.Date{} }, fe("date", "required")},
		{"published without Russian title", func(e *content.Event) { e.Title.RU = "" }, fe("title_ru", "required")},
		{"draft with English title only", func(e *content.Event) { e.Published = false; e.Title.RU = "" }, nil},
		{"published text in English only", func(e *content.Event) { e.Text.RU = "" }, fe("text_ru", "other_language")},
		{"draft text in English only", func(e *content.Event) { e.Published = false; e.Text.RU = "" }, nil},
		{"bad link", func(e *content.Event) { e.Link = "gorodperm.ru" }, fe("link", "url")},
		{"source with bad URL", func(e *content.Event) { e.Sources[0].URL = "see archive" }, fe("sources.0.url", "url")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := validEvent()
			tt.change(&e)
			checkProblems(t, e.Validate(), tt.want)
		})
	}
}

func TestEventNormalize(t *testing.T) {
	t.Parallel()
	e := validEvent()
	e.Title = content.Text{RU: " Визит ", EN: " Visit\n"}
	e.Link = " https://www.gorodperm.ru/ "
	e.Sources = []content.Source{{Title: " ", URL: ""}}
	e.Normalize()
	if e.Title != (content.Text{RU: "Визит", EN: "Visit"}) || e.Link != "https://www.gorodperm.ru/" {
		t.Errorf("title %q, link %q", e.Title, e.Link)
	}
	if len(e.Sources) != 0 {
		t.Errorf("sources = %q", e.Sources)
	}
	checkProblems(t, e.Validate(), nil)
}
