package content_test

import (
	"testing"

	"twincities/internal/content"
)

func TestPlacePhoneAndEmailRules(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		phone, email string
		bad          []string // the fields refused
	}{
		{"+7 (342) 212-34-56", "name@example.org", nil},
		{"", "", nil},
		{"8 342 2123456", "first.last+tag@sub.example.org", nil},
		{"call 212-34-56", "", []string{"phone"}},
		{"+ ( ) -", "", []string{"phone"}},
		{"212 34 56 ext. 3", "", []string{"phone"}},
		{"", "Department <dept@example.org>", []string{"email"}},
		{"", "dept@", []string{"email"}},
		{"", "dept@example.org, other@example.org", []string{"email"}},
		{"", "<dept@example.org>", []string{"email"}},
		{"", "dept\u202e@example.org", []string{"email"}},
	} {
		p := content.Place{Slug: "x", Name: content.Text{EN: "X"}, Phone: c.phone, Email: c.email}
		p.Normalize()
		v := content.AsValidation(p.Validate())
		for _, f := range []string{"phone", "email"} {
			want := false
			for _, b := range c.bad {
				want = want || b == f
			}
			if got := v.For(f) != ""; got != want {
				t.Errorf("phone %q, e-mail %q: %s refused %v, want %v (%v)", c.phone, c.email, f, got, want, v)
			}
		}
	}
}

func TestPlaceTelURI(t *testing.T) {
	t.Parallel()
	if got := (content.Place{Phone: "+7 (342) 212-34-56"}).TelURI(); got != "tel:+73422123456" {
		t.Errorf("TelURI = %q, want tel:+73422123456", got)
	}
}

func TestPlaceContactGaps(t *testing.T) {
	t.Parallel()
	p := content.Place{Address: content.Text{RU: "ул. Ленина, 23"}, Email: "a@example.org"}
	got, want := p.ContactGaps(), []string{"phone", "hours", "head_name"}
	if len(got) != len(want) {
		t.Fatalf("ContactGaps = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ContactGaps = %v, want %v", got, want)
		}
	}
}
