package web_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/postgres/pgtest"
	"twincities/internal/store"
)

// The contact details below are made up for the tests, and never shown on the real site.
var (
	testDepartment = content.Place{
		Slug: content.DepartmentSlug, Published: true, SortOrder: 1,
		Name:         content.Text{RU: "Тестовое управление", EN: "Test Department"},
		Address:      content.Text{RU: "ул. Тестовая, 1", EN: "1 Test Street"},
		Phone:        "+7 (342) 200-00-01",
		Email:        "dept@example.org",
		Hours:        content.Text{RU: "пн–пт 9:00–18:00", EN: "Mon–Fri 9:00–18:00"},
		HeadName:     content.Text{RU: "Иван Тестов", EN: "Ivan Testov"},
		HeadPosition: content.Text{RU: "начальник", EN: "head"},
	}
	// testNoPhone is published with an address and an e-mail only.
	testNoPhone = content.Place{
		Slug: "no-phone", Published: true, SortOrder: 3,
		Name:    content.Text{RU: "Место без телефона", EN: "Place without a phone"},
		Address: content.Text{RU: "ул. Тестовая, 2", EN: "2 Test Street"},
		Email:   "nophone@example.org",
	}
	testDraft = content.Place{
		Slug: "draft-place", SortOrder: 0,
		Name:  content.Text{RU: "Черновое место", EN: "Draft place"},
		Phone: "+7 342 200-00-09",
	}
)

// addPlaces stores places as the system would, each in place of a seeded one of its slug.
func addPlaces(tb testing.TB, db *pgxpool.Pool, places ...content.Place) {
	tb.Helper()
	for _, p := range places {
		exec(tb, db, `DELETE FROM places WHERE slug = $1`, p.Slug)
		if err := store.Places.Create(context.Background(), db, &p, store.SystemActor); err != nil {
			tb.Fatal(err)
		}
	}
}

// placeSection is the contacts page's section of the place with slug.
func placeSection(doc *goquery.Document, slug string) *goquery.Selection {
	return doc.Find(`section.place[aria-labelledby="place-` + slug + `"]`)
}

// TestContactsPageShowsPlaces checks the contacts page in both languages: each published place
// under its name as a heading, its details in an <address> with tel: and mailto: links, a detail
// left empty shown with no label at all, drafts not shown, the page's own text kept.
func TestContactsPageShowsPlaces(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addPlaces(t, db, testDepartment, testNoPhone, testDraft)
	h := site(t, db)
	for _, l := range content.Langs {
		t.Run(string(l), func(t *testing.T) {
			m := i18n.For(l)
			doc := mustGet(t, h, "/"+string(l)+"/contacts").doc
			// The page's own editable text (the seed's) stays above the places.
			if intro := doc.Find("main p strong").First().Text(); intro == "" || doc.Find("main p strong").First().Closest("section.place").Length() != 0 {
				t.Error("the contacts page's own text is gone")
			}

			var names []string
			doc.Find("section.place h2").Each(func(_ int, s *goquery.Selection) { names = append(names, s.Text()) })
			want := []string{testDepartment.Name.In(l), "", testNoPhone.Name.In(l)}
			want[1] = map[content.Lang]string{content.RU: "Зал городов-побратимов", content.EN: "Twinned Cities Hall"}[l]
			if !slices.Equal(names, want) {
				t.Errorf("places shown %q, want %q (published ones only, by sort order)", names, want)
			}
			if strings.Contains(doc.Text(), testDraft.Name.In(l)) || doc.Find(`a[href="tel:+73422000009"]`).Length() > 0 {
				t.Error("a draft place is on the public page")
			}

			dept := placeSection(doc, content.DepartmentSlug)
			addr := dept.Find("address")
			if addr.Length() != 1 {
				t.Fatalf("the department has %d <address> elements, want 1", addr.Length())
			}
			if a := addr.Find(`a[href="tel:+73422000001"]`); a.Text() != testDepartment.Phone {
				t.Errorf("phone link %q, want the number as written, dialling tel:+73422000001", a.Text())
			}
			if a := addr.Find(`a[href="mailto:dept@example.org"]`); a.Text() != testDepartment.Email {
				t.Errorf("e-mail link %q, want %q", a.Text(), testDepartment.Email)
			}
			labels := texts(goquery.NewDocumentFromNode(addr.Nodes[0]), "dt")
			wantLabels := []string{m.PlaceAddress, m.PlacePhone, m.PlaceEmail, m.PlaceHours, m.PlaceHead}
			if !slices.Equal(labels, wantLabels) {
				t.Errorf("the department's labels %q, want %q", labels, wantLabels)
			}
			body := squash(addr.Text())
			for _, s := range []string{testDepartment.Address.In(l), testDepartment.Hours.In(l),
				testDepartment.HeadName.In(l) + ", " + testDepartment.HeadPosition.In(l)} {
				if !strings.Contains(body, s) {
					t.Errorf("the department's address %q does not say %q", body, s)
				}
			}

			// A place without a phone, hours or head shows none of their labels.
			np := placeSection(doc, testNoPhone.Slug)
			labels = texts(goquery.NewDocumentFromNode(np.Find("address").Nodes[0]), "dt")
			if want := []string{m.PlaceAddress, m.PlaceEmail}; !slices.Equal(labels, want) {
				t.Errorf("the place without a phone has labels %q, want only %q", labels, want)
			}
			if np.Find(`a[href^="tel:"]`).Length() != 0 {
				t.Error("the place without a phone has a tel: link")
			}
		})
	}
}

// TestDepartmentContactsInFooterAndCityPage checks that, once the department is published, every
// page's footer gives its phone and e-mail, and a city page's "how to take part" names it with a
// link to the contacts page and its contacts; and that, while it is a draft (as the initial data
// has it), both name the department from the catalogue and show no empty contact details.
func TestDepartmentContactsInFooterAndCityPage(t *testing.T) {
	t.Parallel()
	seeded := pgtest.SeededDB(t)
	withDept := pgtest.SeededDB(t)
	addPlaces(t, withDept, testDepartment)
	for _, c := range []struct {
		name      string
		h         http.Handler
		published bool
	}{{"draft", site(t, seeded), false}, {"published", site(t, withDept), true}} {
		for _, l := range content.Langs {
			t.Run(c.name+"/"+string(l), func(t *testing.T) {
				m := i18n.For(l)
				name := squash(m.FooterDepartment)
				if c.published {
					name = testDepartment.Name.In(l)
				}
				contacts := "/" + string(l) + "/contacts"

				home := mustGet(t, c.h, "/"+string(l)+"/").doc
				footer := home.Find("footer.site-footer")
				if got := squash(footer.Find(`a[href="` + contacts + `"]`).Text()); got != name {
					t.Errorf("footer links to the contacts page as %q, want %q", got, name)
				}
				brief := footer.Find("address.contacts-brief")
				if c.published {
					if brief.Find(`a[href="tel:+73422000001"]`).Length() != 1 || brief.Find(`a[href="mailto:dept@example.org"]`).Length() != 1 {
						t.Errorf("the footer lacks the department's phone or e-mail: %q", squash(footer.Text()))
					}
					if !strings.Contains(brief.Text(), testDepartment.Address.In(l)) {
						t.Errorf("the footer lacks the department's address: %q", squash(brief.Text()))
					}
				} else if brief.Length() != 0 {
					t.Errorf("the footer shows contact details nobody has filled in: %q", squash(brief.Text()))
				}

				city := mustGet(t, c.h, "/"+string(l)+"/twin-cities/duisburg").doc
				part := city.Find("section.take-part")
				if part.Length() != 1 {
					t.Fatalf("the city page has %d take-part sections, want 1", part.Length())
				}
				if got := part.Find("h2").Text(); got != m.TakePartHead {
					t.Errorf("take-part heading %q, want %q", got, m.TakePartHead)
				}
				if got := squash(part.Find(`a[href="` + contacts + `"]`).Text()); got != name {
					t.Errorf("take-part names %q linking to the contacts page, want %q", got, name)
				}
				hasTel := part.Find(`a[href="tel:+73422000001"]`).Length() == 1
				hasMail := part.Find(`a[href="mailto:dept@example.org"]`).Length() == 1
				if c.published && (!hasTel || !hasMail) {
					t.Errorf("take-part lacks the department's phone or e-mail: %q", squash(part.Text()))
				}
				if !c.published && part.Find("address").Length() != 0 {
					t.Errorf("take-part shows empty contact details: %q", squash(part.Text()))
				}
			})
		}
	}
}

// TestPlaceFormRefusesBadPhoneAndEmail checks that a phone with letters and an e-mail with a
// display name are refused at their fields, in the admin's language, and nothing is stored.
func TestPlaceFormRefusesBadPhoneAndEmail(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	s := startSite(t, db)
	for _, c := range []struct {
		lang string
		msgs *i18n.AdminMessages
	}{{"", adminRU}, {"en", adminEN}} {
		t.Run("lang="+c.lang, func(t *testing.T) {
			b := s.newBrowser(t, c.lang)
			b.mustSignIn(editorEmail, editorPassword)
			form := b.mustGet("/admin/places/new")
			res := b.submit(form, formAt("/admin/places/new"), url.Values{
				"slug": {"bad-contacts"}, "name_ru": {"Место"}, "name_en": {"Place"},
				"phone": {"call 212-34-56"}, "email": {"Dept <dept@example.org>"},
			})
			expectStatus(t, res, http.StatusUnprocessableEntity)
			expectFieldError(t, res, "phone", c.msgs.Problems[content.ProblemPhone])
			expectFieldError(t, res, "email", c.msgs.Problems[content.ProblemEmail])
			if n := queryInt(t, db, `SELECT count(*) FROM places WHERE slug = 'bad-contacts'`); n != 0 {
				t.Errorf("%d places stored from a refused form", n)
			}
		})
	}
}

// TestDashboardListsPlacesWithoutContacts checks that the staff overview lists the places whose
// contact details are still empty, by name, with the details missing in the admin's language.
func TestDashboardListsPlacesWithoutContacts(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addPlaces(t, db, testNoPhone)
	s := startSite(t, db)
	b := s.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	dash := b.mustGet("/admin/")
	items := map[string]string{}
	dash.doc.Find(`section[aria-labelledby="contact-gaps"] li`).Each(func(_ int, li *goquery.Selection) {
		items[li.Find("a").Text()] = squash(li.Text())
	})
	for name, missing := range map[string][]string{
		"Twinned Cities Hall": {"Phone", "E-mail", "Opening hours", "Head: name"},
		testNoPhone.Name.EN:   {"Phone", "Opening hours", "Head: name"},
		"International and Inter-municipal Relations Department of the Administration of the City of Perm": {"Address", "Phone"},
	} {
		line, ok := items[name]
		if !ok {
			t.Errorf("the dashboard does not list %q among the places without contacts: %q", name, items)
			continue
		}
		for _, f := range missing {
			if !strings.Contains(line, f) {
				t.Errorf("%q: the dashboard says %q, want it to name %q", name, line, f)
			}
		}
	}
	if strings.Contains(items[testNoPhone.Name.EN], "Address") {
		t.Errorf("a place with an address is listed as missing it: %q", items[testNoPhone.Name.EN])
	}
}

// TestPlacePreviewShowsTheContactsPage checks that staff preview a draft place as the contacts
// page will show it, among the published places.
func TestPlacePreviewShowsTheContactsPage(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addPlaces(t, db, testDraft)
	s := startSite(t, db)
	b := s.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	id := queryInt(t, db, `SELECT id FROM places WHERE slug = $1`, testDraft.Slug)
	p := b.mustGet("/admin/places/" + itoa(id) + "/preview?lang=en")
	var names []string
	p.doc.Find("section.place h2").Each(func(_ int, s *goquery.Selection) { names = append(names, s.Text()) })
	if want := []string{testDraft.Name.EN, "Twinned Cities Hall"}; !slices.Equal(names, want) {
		t.Errorf("the preview shows places %q, want %q", names, want)
	}
	if p.doc.Find(`section.place a[href="tel:+73422000009"]`).Length() != 1 {
		t.Error("the preview does not show the draft's phone")
	}
}
