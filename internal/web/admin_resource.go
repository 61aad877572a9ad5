package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/media"
	"twincities/internal/store"
	"twincities/templates"
)

// resource is one kind of entry in the admin: where it lives, how its form reads and shows it,
// and how it is previewed. The handlers in admin_entries.go serve every kind through it.
type resource[T content.Entry] struct {
	table store.Workflow[T]
	// base is the list's address, such as /admin/twin-cities.
	base string
	// title is the list's heading.
	title func(a *i18n.AdminMessages, m *i18n.Messages) string
	// menu is the menu's label, where the title is too long for the menu's one row; nil: the title.
	menu func(a *i18n.AdminMessages, m *i18n.Messages) string
	// blank is a new entry.
	blank func() T
	// list returns the entries a filter selects.
	list func(ctx context.Context, db store.DBTX, f store.Filter) ([]T, error)
	// page, where set, returns one page of what list would (limit entries from offset) and how
	// many there are in all, from the database: for the kinds that grow by thousands (issue 12).
	// It is called in a read-only snapshot, so the count and the page agree.
	page func(ctx context.Context, db store.DBTX, f store.Filter, limit, offset int) ([]T, int, error)
	// belongs reports whether an entry is of this resource (a twin city is not a partner city).
	belongs func(T) bool
	// sources are the entry's sources, for the form.
	sources func(T) []content.Source
	// parse applies submitted values to the entry and returns the values it could not read.
	parse func(v url.Values, e *T) []content.FieldError
	// fields are the entry's own form fields, given the options they need.
	fields func(ctx context.Context, s *Server, f templates.Form) (templ.Component, error)
	// detail is a short description for the list (country, date).
	detail func(e T, l content.Lang) string
	// preview renders the entry as the public will see it.
	preview func(ctx context.Context, s *Server, r *http.Request, e T, editPath string) (templ.Component, error)
	// publicPath is the entry's public page below /{lang}, "" when it has none of its own.
	publicPath func(e T) string
	// picture, when set, gives the entry an image form: read and replace the picture.
	picture    func(e T) *content.Picture
	setPicture func(e *T, p *content.Picture)
	imageKind  media.Kind
	// gallery, when set, gives the entry a photo gallery below its image (cities): read and
	// replace the photos.
	gallery    func(e T) []content.Photo
	setGallery func(e *T, photos []content.Photo)
	// canCreate is false for the text pages, which exist once each.
	canCreate bool
}

// info describes an entry for the shared parts of its page.
func (res resource[T]) info(e T, l content.Lang, isNew bool) templates.EntryInfo {
	in := templates.EntryInfo{
		Base: res.base, ID: e.EntryID(), Version: e.CurrentVersion(), Published: e.IsPublished(),
		IsNew: isNew, InTrash: e.TrashedAt() != nil, Label: e.Label(l), CanDelete: res.canCreate, HasImage: res.picture != nil,
		Markdown: markdownFields[e.Entity()],
	}
	if res.picture != nil {
		in.Picture = res.picture(e)
	}
	if res.gallery != nil {
		in.HasGallery, in.Gallery = true, res.gallery(e)
	}
	if res.publicPath != nil && e.IsPublished() {
		in.PublicPath = res.publicPath(e)
	}
	return in
}

// read applies a submitted form to e. It returns the values the form shows again, with the source
// rows numbered as the entry's sources are (see compactSources), and the values it could not read.
func (res resource[T]) read(submitted url.Values, e *T) (url.Values, []content.FieldError) {
	v := compactSources(submitted)
	return v, res.parse(v, e)
}

// entryPath is the address of one entry's edit page.
func (res resource[T]) entryPath(id int64) string {
	return res.base + "/" + strconv.FormatInt(id, 10)
}

// load reads the entry named in the URL, refusing one of another resource.
func (res resource[T]) load(s *Server, r *http.Request) (T, error) {
	var zero T
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		return zero, errNotFound
	}
	e, err := res.table.Get(r.Context(), s.db, id)
	if err != nil {
		return zero, err
	}
	if !res.belongs(e) {
		return zero, errNotFound
	}
	return e, nil
}

// entryHandlers are the handlers of one kind's admin routes; nil where the kind has no such
// route (the text pages are neither created nor deleted; only some kinds have an image).
type entryHandlers struct {
	list, newForm, create, edit, update, preview, history, revert handlerFunc
	publish, unpublish, delete, restore, purge                    handlerFunc
	uploadImage, removeImage                                      handlerFunc
	addPhoto, editPhoto                                           handlerFunc
	discardDraft                                                  handlerFunc // issue 11, drafts
	schedule, cancelSchedule                                      handlerFunc
	approveReview, returnReview                                   handlerFunc // issue 11, review before publishing
	createReviewLink, revokeReviewLink                            handlerFunc // issue 11, review links
}

// handlersOf makes the handlers of res's routes.
func handlersOf[T content.Entry](s *Server, res resource[T]) entryHandlers {
	h := entryHandlers{
		list: listEntries(s, res), edit: editEntry(s, res), update: updateEntry(s, res),
		preview: previewEntry(s, res), history: entryHistory(s, res), revert: revertEntry(s, res),
		discardDraft:  discardDraft(s, res),
		approveReview: approveReview(s, res), returnReview: returnReview(s, res),
		createReviewLink: createReviewLink(s, res), revokeReviewLink: revokeReviewLink(s, res),
	}
	if res.canCreate {
		h.newForm, h.create = newEntry(s, res), createEntry(s, res)
		h.publish, h.unpublish = publishEntry(s, res, true), publishEntry(s, res, false)
		h.delete = moveEntry(s, res, store.ActionDelete)
		h.restore = moveEntry(s, res, store.ActionRestore)
		h.purge = moveEntry(s, res, store.ActionPurge)
		h.schedule, h.cancelSchedule = scheduleEntry(s, res), cancelSchedule(s, res)
	}
	if res.picture != nil {
		h.uploadImage, h.removeImage = uploadImage(s, res), removeImage(s, res)
	}
	if res.gallery != nil {
		h.addPhoto, h.editPhoto = addPhoto(s, res), editPhoto(s, res)
	}
	return h
}
