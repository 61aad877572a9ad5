package content_test

import (
	"testing"

	"twincities/internal/content"
)

func TestPageValidate(t *testing.T) {
	t.Parallel()
	valid := func() content.Page {
		return content.Page{
			Key:   content.About,
			Title: content.Text{RU: "О связях Перми", EN: "About Perm's relations"},
			Body:  content.Text{RU: "Текст.", EN: "Text."},
		}
	}
	tests := []struct {
		name   string
		change func(p *content.Page)
		want   []content.FieldError
	}{
		{"valid", func(p *content.Page) {}, nil},
		{"contacts", func(p *content.Page) { p.Key = content.Contacts }, nil},
		{"unknown key", func(p *content.Page) { p.Key = "history" }, fe("key", "choice")},
		// Pages are always public: a missing language is required, not merely "other language".
		{"no English title", func(p *content.Page) { p.Title.EN = "" }, fe("title_en", "required")},
		{"no Russian body", func(p *content.Page) { p.Body.RU = " " }, fe("body_ru", "required")},
		{"empty", func(p *content.Page) { p.Title, p.Body = content.Text{}, content.Text{} },
			fe("title_ru", "required", "title_en", "required", "body_ru", "required", "body_en", "required")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := valid()
			tt.change(&p)
			checkProblems(t, p.Validate(), tt.want)
		})
	}
}
