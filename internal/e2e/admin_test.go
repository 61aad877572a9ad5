package e2e_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"twincities/internal/content"
	"twincities/internal/store"
)

// signIn signs in through the form, as a person does.
func signIn(t *testing.T, ctx context.Context, s site, email, password string) {
	t.Helper()
	open(t, ctx, s.URL+"/admin/login")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-email"), email), chromedp.SendKeys(chromedp.ID("f-password"), password))
	follow(t, ctx, chromedp.Click(chromedp.CSS(`form[action="/admin/login"] button`)))
	if got := path(t, ctx); got != "/admin/" {
		t.Fatalf("signing in as %s led to %s", email, got)
	}
}

// submit sends the form posting to action with its button, as it is on the page.
func submit(t *testing.T, ctx context.Context, action string) int64 {
	t.Helper()
	return follow(t, ctx, chromedp.Click(chromedp.CSS(`form[action="`+action+`"] button[type="submit"]`)))
}

// adminStep is one admin page to check: how to get there, and its name in failures.
type adminStep struct {
	name string
	show func(t *testing.T, ctx context.Context)
}

// adminSteps lists every kind of admin page: lists, edit forms, new forms, forms sent empty
// (showing their errors), history, change log, trash, staff, a conflict, a preview, a refusal.
func adminSteps(t *testing.T, s site) []adminStep {
	t.Helper()
	bg := context.Background()
	get := func(path string) adminStep {
		return adminStep{path, func(t *testing.T, ctx context.Context) { open(t, ctx, s.URL+path) }}
	}
	empty := func(path string) adminStep {
		return adminStep{path + " sent empty", func(t *testing.T, ctx context.Context) {
			open(t, ctx, s.URL+path)
			if st := submit(t, ctx, path); st != 422 {
				t.Errorf("%s sent empty: %d, want 422", path, st)
			}
		}}
	}
	duisburg, err := store.CityBySlug(bg, s.DB, content.Twin, "duisburg", false)
	if err != nil {
		t.Fatal(err)
	}
	kazan, err := store.CityBySlug(bg, s.DB, content.Partner, "kazan", false)
	if err != nil {
		t.Fatal(err)
	}
	oxford, err := store.CityBySlug(bg, s.DB, content.Twin, "oxford", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Cities.Delete(bg, s.DB, oxford.ID, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err) // something in the trash
	}
	addPhoto(t, s, duisburg)
	first := func(table string) int64 {
		var id int64
		if err := s.DB.QueryRow(bg, `SELECT min(id) FROM `+table).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	city := fmt.Sprintf("/admin/twin-cities/%d", duisburg.ID)
	news := fmt.Sprintf("/admin/news/%d", addNews(t, s, duisburg).ID) // issue 11, news
	steps := []adminStep{
		get("/admin/news"), get(news), empty("/admin/news/new"),
		get("/admin/"), get("/admin/twin-cities"), get("/admin/partner-cities"), get("/admin/events"),
		get("/admin/organizations"), get("/admin/awards"), get("/admin/pages"), get("/admin/trash"),
		get("/admin/search?q=Oxford"), // staff search finds what is in the trash
		get("/admin/history"), get("/admin/users"), get("/admin/users/new"),
		get(city), get(city + "/history"), get(city + "/preview?lang=ru"),
		{city + " with the texts previewed", func(t *testing.T, ctx context.Context) {
			open(t, ctx, s.URL+city)
			if st := follow(t, ctx, chromedp.Click(chromedp.CSS(`form[action="`+city+`"] button[name="preview"]`))); st != 200 {
				t.Errorf("Preview text: %d, want 200", st)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".md-preview").length`); n != 2 {
				t.Errorf("Preview text shows %d rendered texts, want 2", n)
			}
		}},
		get(fmt.Sprintf("/admin/partner-cities/%d", kazan.ID)),
		get(fmt.Sprintf("/admin/twin-cities/%d", oxford.ID)), // in the trash
		get(fmt.Sprintf("/admin/events/%d", first("events"))),
		get(fmt.Sprintf("/admin/organizations/%d", first("organizations"))),
		get(fmt.Sprintf("/admin/awards/%d", first("awards"))),
		get(fmt.Sprintf("/admin/pages/%d", first("pages"))),
		get("/admin/places"), get(fmt.Sprintf("/admin/places/%d", first("places"))), empty("/admin/places/new"),
		get("/admin/messages"),
		get(fmt.Sprintf("/admin/users/%d/password", first("users"))),
		empty("/admin/twin-cities/new"), empty("/admin/partner-cities/new"), empty("/admin/events/new"),
		empty("/admin/organizations/new"), empty("/admin/awards/new"), empty("/admin/users/new"),
		{city + " with a conflict", func(t *testing.T, ctx context.Context) {
			open(t, ctx, s.URL+city)
			// Someone else saves meanwhile.
			c, err := store.Cities.Get(bg, s.DB, duisburg.ID)
			if err != nil {
				t.Fatal(err)
			}
			c.Summary.EN += " Changed by a colleague."
			if err := store.Cities.Update(bg, s.DB, &c, c.Version, store.Actor{Name: "colleague"}); err != nil {
				t.Fatal(err)
			}
			if st := submit(t, ctx, city); st != 409 {
				t.Errorf("a stale save: %d, want 409", st)
			}
		}},
		get("/admin/settings"),
		{"/admin/settings with errors", func(t *testing.T, ctx context.Context) {
			open(t, ctx, s.URL+"/admin/settings")
			do(t, ctx, chromedp.SendKeys(chromedp.ID("f-opendata-inn"), "123"), chromedp.SendKeys(chromedp.ID("f-opendata-email"), "nobody"))
			if st := submit(t, ctx, "/admin/settings"); st != 422 {
				t.Errorf("settings with a wrong INN: %d, want 422", st)
			}
		}},
		// Two-factor sign-in, from off through set-up (a wrong code, then the key's code) to on:
		// the steps run in this order, in one session.
		get("/admin/account/two-factor"),
		{"/admin/account/two-factor setting up", func(t *testing.T, ctx context.Context) {
			open(t, ctx, s.URL+"/admin/account/two-factor")
			if st := submit(t, ctx, "/admin/account/two-factor/start"); st != 200 {
				t.Errorf("starting the set-up: %d, want 200", st)
			}
		}},
		{"/admin/account/two-factor with a wrong code", func(t *testing.T, ctx context.Context) {
			do(t, ctx, chromedp.SendKeys(chromedp.ID("f-code"), "12345"))
			if st := submit(t, ctx, "/admin/account/two-factor/confirm"); st != 422 {
				t.Errorf("a wrong code: %d, want 422", st)
			}
		}},
		{"/admin/account/two-factor recovery codes", func(t *testing.T, ctx context.Context) {
			key := eval[string](t, ctx, `document.querySelector(".secret-key").textContent.replace(/\s+/g, "")`)
			code, err := totp.GenerateCode(key, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			do(t, ctx, chromedp.SendKeys(chromedp.ID("f-code"), code))
			if st := submit(t, ctx, "/admin/account/two-factor/confirm"); st != 200 {
				t.Errorf("the key's code: %d, want 200", st)
			}
		}},
		get("/admin/account/two-factor"), // on
		get(fmt.Sprintf("/admin/users/%d/two-factor/reset", first("users"))),
	}
	return steps
}

// codeStepPassesAxe checks the second step of signing in, the code, as someone with two-factor
// sign-in meets it: the form, and the form refusing a wrong code.
func codeStepPassesAxe(t *testing.T, s site, l content.Lang) {
	t.Helper()
	bg := context.Background()
	password := s.addStaff(t, "two@example.org", "Анна Смирнова", content.Editor)
	u, _, err := store.UserByEmail(bg, s.DB, "two@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.EnableTwoFactor(bg, s.DB, u.ID, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 0, nil, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t, 1280)
	do(t, ctx, setCookie(s.URL+"/admin", "admin_lang", string(l)))
	open(t, ctx, s.URL+"/admin/login")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-email"), "two@example.org"), chromedp.SendKeys(chromedp.ID("f-password"), password))
	if st := submit(t, ctx, "/admin/login"); st != 200 || path(t, ctx) != "/admin/login/code" {
		t.Fatalf("the password of an account with two-factor sign-in: %d at %s", st, path(t, ctx))
	}
	checkAxe(t, ctx, "/admin/login/code")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("f-code"), "12345"))
	if st := submit(t, ctx, "/admin/login/code"); st != 401 {
		t.Errorf("a wrong code: %d, want 401", st)
	}
	checkAxe(t, ctx, "/admin/login/code with a wrong code")
}

// TestAdminPagesPassAxe runs axe-core's WCAG 2.2 A and AA rules on every kind of admin page, forms
// showing errors included, in both languages, and on the sign-in page (with its code step) and the
// refusal an editor gets.
func TestAdminPagesPassAxe(t *testing.T) {
	t.Parallel()
	for _, l := range content.Langs {
		t.Run(string(l), func(t *testing.T) {
			t.Parallel()
			s := startSite(t)
			adminPassword := s.addStaff(t, "admin@example.org", "Ольга Иванова", content.Admin)
			editorPassword := s.addStaff(t, "editor@example.org", "Иван Петров", content.Editor)
			steps := adminSteps(t, s)
			ctx := tab(t, 1280)
			do(t, ctx, setCookie(s.URL+"/admin", "admin_lang", string(l)))

			open(t, ctx, s.URL+"/admin/login")
			checkAxe(t, ctx, "/admin/login")
			do(t, ctx, chromedp.SendKeys(chromedp.ID("f-email"), "admin@example.org"), chromedp.SendKeys(chromedp.ID("f-password"), "wrong password, surely"))
			if st := submit(t, ctx, "/admin/login"); st != 401 {
				t.Errorf("a wrong password: %d, want 401", st)
			}
			checkAxe(t, ctx, "/admin/login with a wrong password")

			signIn(t, ctx, s, "admin@example.org", adminPassword)
			for _, step := range steps {
				step.show(t, ctx)
				checkAxe(t, ctx, step.name)
			}

			editor := tab(t, 1280)
			do(t, editor, setCookie(s.URL+"/admin", "admin_lang", string(l)))
			signIn(t, editor, s, "editor@example.org", editorPassword)
			if st := open(t, editor, s.URL+"/admin/users"); st != 403 {
				t.Errorf("an editor on /admin/users: %d, want 403", st)
			}
			checkAxe(t, editor, "/admin/users refused to an editor")

			codeStepPassesAxe(t, s, l)
		})
	}
}
