package templates

import (
	"testing"

	"twincities/internal/content"
)

func TestTextLang(t *testing.T) {
	t.Parallel()
	tests := []struct {
		l          content.Lang
		text, want string
	}{
		{content.RU, "Oxford Mail, 2022", "en"},
		{content.RU, "eburg.veved.ru", "en"},
		{content.RU, "Портал Перми, 2018", ""},
		{content.RU, "Коммерсантъ (Kommersant)", ""}, // partly Russian: the page's language holds
		{content.RU, "2018", ""},
		{content.EN, "Коммерсантъ", "ru"},
		{content.EN, "Oxford Mail", ""},
		{content.EN, "2018", ""},
	}
	for _, tt := range tests {
		if got := textLang(tt.l, tt.text); got != tt.want {
			t.Errorf("textLang(%s, %q) = %q, want %q", tt.l, tt.text, got, tt.want)
		}
	}
}

func TestLinkHost(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"http://gp-static.wdepo.ru/eng-special/2021/06/18%2020:17:00+05/55781-id": "gp-static.wdepo.ru",
		"https://www.sclou.org/perm": "sclou.org",
		"not a link":                 "",
	}
	for in, want := range tests {
		if got := linkHost(in); got != want {
			t.Errorf("linkHost(%q) = %q, want %q", in, got, want)
		}
	}
}
