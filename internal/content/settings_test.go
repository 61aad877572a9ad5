package content_test

import (
	"testing"
	"time"

	"twincities/internal/content"
)

// The open data settings: each may stay empty; what is given must be an organisation's INN with
// its check digit, a phone with its country and area codes, one bare e-mail address, and one of
// the frequencies offered.
func TestOpenDataSettingsValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		od    content.OpenData
		field string // the field refused; "" when valid
		want  content.Problem
	}{
		{"all empty", content.OpenData{}, "", ""},
		{"complete", content.OpenData{INN: "5902000008", Creator: "Администрация", Name: "Иванова Анна", Phone: "+7 (342) 212-34-56",
			Email: "opendata@example.org", Frequency: content.Monthly}, "", ""},
		{"INN with a wrong check digit", content.OpenData{INN: "5902000001"}, "opendata_inn", content.ProblemINN},
		{"INN of nine digits", content.OpenData{INN: "590200000"}, "opendata_inn", content.ProblemINN},
		{"an individual's INN of 12 digits", content.OpenData{INN: "500100732259"}, "opendata_inn", content.ProblemINN},
		{"INN with letters", content.OpenData{INN: "59020000O8"}, "opendata_inn", content.ProblemINN},
		{"INN with spaces inside", content.OpenData{INN: "5902 000008"}, "opendata_inn", content.ProblemINN},
		{"phone without area code", content.OpenData{Phone: "212-34-56"}, "opendata_phone", content.ProblemPhoneDigits},
		{"phone too long", content.OpenData{Phone: "+7 342 212 34 56 78 90 12"}, "opendata_phone", content.ProblemPhoneDigits},
		{"phone with letters", content.OpenData{Phone: "+7 342 CALL-NOW"}, "opendata_phone", content.ProblemPhone},
		{"plus in the middle", content.OpenData{Phone: "7342+2123456"}, "opendata_phone", content.ProblemPhone},
		{"e-mail with a display name", content.OpenData{Email: "Anna <anna@example.org>"}, "opendata_email", content.ProblemEmail},
		{"e-mail without @", content.OpenData{Email: "anna.example.org"}, "opendata_email", content.ProblemEmail},
		{"unknown frequency", content.OpenData{Frequency: "hourly"}, "opendata_frequency", content.ProblemChoice},
		{"name with a control character", content.OpenData{Name: "Анна\x07"}, "opendata_name", content.ProblemCharacters},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := content.Settings{OpenData: tc.od}
			s.Normalize()
			err := s.Validate()
			v := content.AsValidation(err)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if v == nil || v.For(tc.field) != tc.want || len(v.Fields) != 1 {
				t.Fatalf("got %v, want %s: %s only", err, tc.field, tc.want)
			}
		})
	}
}

// Normalising writes the phone as the passports give it and fills in the default frequency.
func TestOpenDataSettingsNormalize(t *testing.T) {
	s := content.Settings{OpenData: content.OpenData{INN: " 5902000008 ", Phone: " +7 (342) 212-34-56 "}}
	s.Normalize()
	if s.OpenData.INN != "5902000008" || s.OpenData.Phone != "+73422123456" || s.OpenData.Frequency != content.OnChange {
		t.Errorf("normalised to %+v", s.OpenData)
	}
	if s.OpenData.Complete() {
		t.Error("settings without a name or e-mail count as complete")
	}
}

// The passport's "valid" date is the next update a frequency promises, in Perm's calendar; sets
// updated as changes happen promise none.
func TestFrequencyValidUntil(t *testing.T) {
	// 20:30 UTC on 31 January is already 1 February in Perm (UTC+5).
	at := time.Date(2026, time.January, 31, 20, 30, 0, 0, time.UTC)
	for f, want := range map[content.Frequency]string{content.OnChange: "", content.Daily: "20260202",
		content.Weekly: "20260208", content.Monthly: "20260301", content.Quarterly: "20260501", content.Yearly: "20270201"} {
		if got := f.ValidUntil(at); got != want {
			t.Errorf("%s: %q, want %q", f, got, want)
		}
	}
}
