package seed_test

import (
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/seed"
)

// The facts (../shared/facts/perm.md, "Contacts") give the department's English name and the
// Twinned Cities Hall's address, nothing else: every other contact detail stays empty, with an
// editor's note saying so, and the department, without a Russian name, stays a draft.
func TestPlacesHoldOnlySourcedDetails(t *testing.T) {
	t.Parallel()
	bySlug := map[string]content.Place{}
	for _, p := range seed.Places() {
		bySlug[p.Slug] = p
		if p.Phone != "" || p.Email != "" || p.Website != "" || p.Location != nil ||
			p.Hours != (content.Text{}) || p.HeadName != (content.Text{}) || p.HeadPosition != (content.Text{}) {
			t.Errorf("%s: a contact detail the sources do not give is filled in: %+v", p.Slug, p)
		}
		if p.EditorNote == "" {
			t.Errorf("%s: no editor's note says what is missing", p.Slug)
		}
		p.Normalize()
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Slug, err)
		}
	}
	dept, ok := bySlug[content.DepartmentSlug]
	switch {
	case !ok:
		t.Fatal("no department among the places")
	case dept.Published || dept.Name.RU != "" || dept.Address != (content.Text{}):
		t.Errorf("the department has unsourced details or is published: %+v", dept)
	case !strings.Contains(dept.Name.EN, "International and Inter-municipal Relations Department"):
		t.Errorf("the department's name %q", dept.Name.EN)
	}
	hall, ok := bySlug["twinned-cities-hall"]
	if !ok || !hall.Published || !strings.Contains(hall.Address.RU, "Ленина, 23") || !strings.Contains(hall.Address.EN, "Lenina") {
		t.Errorf("the Twinned Cities Hall is missing, a draft or without its address: %+v", hall)
	}
}
