package web_test

import (
	"net/http"
	"strings"
	"testing"

	"twincities/internal/content"
	"twincities/internal/postgres/pgtest"
)

func TestTrashAndRestore(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	site := startSite(t, db)
	b := site.newBrowser(t, "en")
	b.mustSignIn(editorEmail, editorPassword)
	public := site.newBrowser(t, "en")

	duisburg := cityBySlug(t, db, content.Twin, "duisburg")
	path := twinPath(duisburg.ID)
	publicPath := "/en/twin-cities/duisburg"
	listed := func(p page, href string) bool { return p.doc.Find(`main a[href="`+href+`"]`).Length() > 0 }

	res := b.submit(b.mustGet(path), formAt(path+"/delete"), nil)
	expectRedirect(t, res, "/admin/twin-cities")
	list := b.follow(res)
	if got := list.flash(); got != adminEN.FlashDeleted {
		t.Errorf("flash %q, want %q", got, adminEN.FlashDeleted)
	}
	if listed(list, path) {
		t.Error("the admin list still shows the deleted city")
	}
	if c := cityByID(t, db, duisburg.ID); c.DeletedAt == nil {
		t.Fatal("the city is not in the trash")
	}
	expectStatus(t, public.get(publicPath), http.StatusNotFound)
	expectStatus(t, public.get("/ru/twin-cities/duisburg"), http.StatusNotFound)
	if listed(public.mustGet("/en/twin-cities"), publicPath) {
		t.Error("/en/twin-cities still lists the deleted city")
	}

	trash := b.mustGet("/admin/trash")
	if got := squash(trash.doc.Find(`main a[href="` + path + `"]`).Text()); got != "Duisburg" {
		t.Errorf("the trash lists %q, want Duisburg", got)
	}
	edit := b.mustGet(path)
	if !strings.Contains(edit.text(), adminEN.InTrashNote) {
		t.Error("the edit page of a deleted city does not say it is in the trash")
	}
	if edit.doc.Find(formAt(path)).Length() != 0 {
		t.Error("a deleted city can still be edited")
	}

	res = b.submit(trash, formAt(path+"/restore"), nil)
	expectRedirect(t, res, path)
	if got := b.follow(res).flash(); got != adminEN.FlashRestored {
		t.Errorf("flash %q, want %q", got, adminEN.FlashRestored)
	}
	if c := cityByID(t, db, duisburg.ID); c.DeletedAt != nil || !c.Published {
		t.Fatalf("after restoring: deleted %v, published %v", c.DeletedAt, c.Published)
	}
	expectStatus(t, public.get(publicPath), http.StatusOK)
	if !listed(public.mustGet("/en/twin-cities"), publicPath) {
		t.Error("/en/twin-cities does not list the restored city")
	}
	if !listed(b.mustGet("/admin/twin-cities"), path) {
		t.Error("the admin list does not show the restored city")
	}
	if listed(b.mustGet("/admin/trash"), path) {
		t.Error("the trash still lists the restored city")
	}
	for _, action := range []string{"delete", "restore"} {
		if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action = $2 AND user_name = $3`,
			itoa(duisburg.ID), action, editorName); n != 1 {
			t.Errorf("%d audit lines for %s, want 1", n, action)
		}
	}
}

func TestOnlyAnAdminPurges(t *testing.T) {
	t.Parallel()
	db := pgtest.SeededDB(t)
	addEditor(t, db)
	addAdmin(t, db)
	site := startSite(t, db)
	editor := site.newBrowser(t, "en")
	editor.mustSignIn(editorEmail, editorPassword)

	qingdao := cityBySlug(t, db, content.Twin, "qingdao")
	path := twinPath(qingdao.ID)
	expectRedirect(t, editor.submit(editor.mustGet(path), formAt(path+"/delete"), nil), "/admin/twin-cities")

	expectStatus(t, editor.post(path+"/purge", nil), http.StatusForbidden)
	if n := queryInt(t, db, `SELECT count(*) FROM cities WHERE id = $1`, qingdao.ID); n != 1 {
		t.Fatal("an editor purged the city")
	}

	admin := site.newBrowser(t, "en")
	admin.mustSignIn(adminEmail, adminPassword)
	// The trash's button asks first, on a page of its own; leaving it keeps the city.
	confirm := admin.submit(admin.mustGet("/admin/trash"), formAt(path+"/purge"), nil)
	expectStatus(t, confirm, http.StatusOK)
	if h1 := squash(confirm.doc.Find("h1").Text()); !strings.HasPrefix(h1, adminEN.Purge+": ") || !strings.Contains(h1, "Qingdao") {
		t.Errorf("the confirmation's heading %q does not name the city", h1)
	}
	if !strings.Contains(confirm.text(), adminEN.PurgeConfirm) || squash(confirm.doc.Find(`main .narrow a[href="/admin/trash"]`).Text()) != adminEN.PurgeKeep {
		t.Errorf("the confirmation does not warn or offer the way back: %q", confirm.text())
	}
	if n := queryInt(t, db, `SELECT count(*) FROM cities WHERE id = $1`, qingdao.ID); n != 1 {
		t.Fatal("the city was purged before the purge was confirmed")
	}
	res := admin.submit(confirm, formAt(path+"/purge"), nil)
	expectRedirect(t, res, "/admin/trash")
	trash := admin.follow(res)
	if got := trash.flash(); got != adminEN.FlashPurged {
		t.Errorf("flash %q, want %q", got, adminEN.FlashPurged)
	}
	if trash.doc.Find(`main a[href="`+path+`"]`).Length() != 0 {
		t.Error("the trash still lists the purged city")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM cities WHERE id = $1`, qingdao.ID); n != 0 {
		t.Error("the purged city is still in the database")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM revisions WHERE entity = 'city' AND entity_id = $1`, itoa(qingdao.ID)); n != 0 {
		t.Errorf("%d revisions of the purged city remain", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action = 'purge'
		AND user_name = $2 AND label LIKE '%Qingdao%'`, itoa(qingdao.ID), adminName); n != 1 {
		t.Errorf("%d audit lines for the purge, want 1", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'city' AND entity_id = $1 AND action IN ('create', 'delete')`,
		itoa(qingdao.ID)); n != 2 {
		t.Errorf("the purge removed the city's earlier audit lines: %d left of create and delete", n)
	}
	expectStatus(t, admin.get(path), http.StatusNotFound)
	// The change log still says who purged it.
	if !strings.Contains(admin.mustGet("/admin/history?action=purge").text(), "Qingdao") {
		t.Error("the change log does not show the purge")
	}
}
