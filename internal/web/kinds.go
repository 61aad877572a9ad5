package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/a-h/templ"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// kinds is every kind of entry staff edit, in the order of the admin's menu: the one list of them.
// The admin's routes (see entryRoutes in routes.go), its menu, the dashboard, the trash, the
// change log's filter and the links of the history all read it, so a new kind is added here and
// in a resource of its own (admin_<kind>.go), not in each of those places.
//
// It is filled in init, not in its declaration, because the resources' functions lead back to it
// (a preview links to entries): a declaration would be an initialisation cycle.
var kinds []kind

func init() {
	kinds = []kind{
		cityResource(content.Twin).kind(),
		cityResource(content.Partner).kind(),
		eventResource.kind(),
		newsResource.kind(), // issue 11, news
		organizationResource.kind(),
		awardResource.kind(),
		placeResource.kind(),
		pageResource.kind(),
	}
}

// kind is one kind of entry as the parts of the site that go through every kind see it. It is
// made from the kind's resource (see resource.kind), which holds what is particular to it.
type kind struct {
	// entity is the kind's name in the history and the audit log; twin and partner cities share
	// one, told apart by owns.
	entity content.Entity
	// base is the admin list's address, such as /admin/twin-cities; its entries are below it.
	base string
	// title is the list's heading.
	title func(a *i18n.AdminMessages, m *i18n.Messages) string
	// menu is the menu's label: short, so that the whole menu fits one row at 1280 px, and
	// telling the kind from the others on its own.
	menu func(a *i18n.AdminMessages, m *i18n.Messages) string
	// trash reports whether entries of the kind can be created and deleted (the text pages exist
	// once each and cannot).
	trash bool
	// routes are the handlers of the kind's admin routes, mounted by entryRoutes.
	routes func(s *Server) entryHandlers
	// list returns the kind's entries a filter selects, for the dashboard and the trash.
	list func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Entry, error)
	// get returns an entry of the kind's entity by ID, whatever its state.
	get func(ctx context.Context, db store.DBTX, id int64) (content.Entry, error)
	// owns reports whether an entry belongs to this kind's list.
	owns func(e content.Entry) bool
	// checkForm reads form values into a new entry as saving does, without saving: the values
	// the form would show again and every problem it would mark. For the fuzz tests.
	checkForm func(v url.Values) (url.Values, []content.FieldError)
	// setPublished publishes (on) or withdraws an entry as it is, for the scheduler; nil for the
	// kinds that are not published and withdrawn (the text pages).
	setPublished func(ctx context.Context, db store.TxBeginner, id int64, on bool, actor store.Actor) error
	// review renders an entry of the kind for a review link (issue 11, review links).
	review func(s *Server, r *http.Request, e content.Entry) (templ.Component, error)
}

// kind describes the resource for the registry.
func (res resource[T]) kind() kind {
	if res.menu == nil {
		res.menu = res.title
	}
	k := kind{
		entity: res.table.Entity(), base: res.base, title: res.title, menu: res.menu,
		trash:  res.canCreate,
		routes: func(s *Server) entryHandlers { return handlersOf(s, res) },
		list: func(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Entry, error) {
			found, err := res.list(ctx, db, f)
			if err != nil {
				return nil, err
			}
			entries := make([]content.Entry, 0, len(found))
			for _, e := range found {
				if res.belongs(e) {
					entries = append(entries, e)
				}
			}
			return entries, nil
		},
		get: func(ctx context.Context, db store.DBTX, id int64) (content.Entry, error) {
			return res.table.Get(ctx, db, id)
		},
		owns: func(e content.Entry) bool {
			t, ok := e.(T)
			return ok && res.belongs(t)
		},
		checkForm: func(v url.Values) (url.Values, []content.FieldError) {
			e := res.blank()
			shown, problems := res.read(v, &e)
			return shown, mergeProblems(problems, res.table.Check(&e))
		},
		review: func(s *Server, r *http.Request, e content.Entry) (templ.Component, error) {
			return reviewEntry(s, res, r, e.(T))
		},
	}
	if res.canCreate { // the kinds that have a publish button (see handlersOf)
		k.setPublished = res.table.SetPublishedNow
	}
	return k
}

// entryAdminPath is the edit page of an entry; the dashboard when no kind owns it.
func entryAdminPath(e content.Entry) string {
	for _, k := range kinds {
		if k.owns(e) {
			return k.base + "/" + strconv.FormatInt(e.EntryID(), 10)
		}
	}
	return "/admin/"
}

// kindOf is the first kind of entity, the one that finds its entries by ID.
func kindOf(entity content.Entity) (kind, bool) {
	for _, k := range kinds {
		if k.entity == entity {
			return k, true
		}
	}
	return kind{}, false
}

// listAll lists the entries f selects of every kind, in the registry's order; for the trash
// (f.Trash), of the kinds that have one.
func listAll(ctx context.Context, db store.DBTX, f store.Filter) ([]content.Entry, error) {
	var all []content.Entry
	for _, k := range kinds {
		if f.Trash && !k.trash {
			continue
		}
		entries, err := k.list(ctx, db, f)
		if err != nil {
			return nil, err
		}
		all = append(all, entries...)
	}
	return all, nil
}

// logEntities are the kinds of entry the change log can be filtered by: the registry's, then
// staff accounts and the settings.
func logEntities() []content.Entity {
	var out []content.Entity
	for _, k := range kinds {
		if !slices.Contains(out, k.entity) {
			out = append(out, k.entity)
		}
	}
	return append(out, content.EntityUser, content.EntitySettings)
}

// adminSections are the admin's menu: the dashboard, every kind, the history and the trash.
// Staff accounts and the settings, for administrators only, are account-level: they are in the
// header beside the person's name (templates/admin_layout.templ), which keeps the menu one row.
func adminSections(a *i18n.AdminMessages, m *i18n.Messages) []templates.Section {
	sections := []templates.Section{{Path: "/admin/", Label: a.Dashboard}}
	for _, k := range kinds {
		sections = append(sections, templates.Section{Path: k.base, Label: k.menu(a, m)})
	}
	sections = append(sections, templates.Section{Path: "/admin/media", Label: a.MenuMedia}, // issue 11, images in the form
		templates.Section{Path: "/admin/history", Label: a.MenuHistory},
		templates.Section{Path: "/admin/trash", Label: a.Trash})
	return sections
}
