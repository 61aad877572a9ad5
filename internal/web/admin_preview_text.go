package web

import (
	"net/http"

	"twincities/internal/content"
)

// markdownFields names each kind's bilingual Markdown text, the one the public pages render
// with internal/markdown and the form can preview (issue 11, friendly inputs). A place's
// description is plain text, so places have none.
var markdownFields = map[content.Entity]string{
	content.EntityCity:         "body",
	content.EntityOrganization: "description",
	content.EntityAward:        "description",
	content.EntityEvent:        "text",
	content.EntityPage:         "body",
	content.EntityNews:         "body",
}

// previewText answers "Preview text" on an entry's form (POST {base}/new or {base}/{id} with
// preview=1): the same page with every typed value kept and the Markdown texts rendered under
// their boxes exactly as the public pages render them (internal/markdown, which sanitises).
// Nothing is saved and nothing is checked: the person is still typing. The form keeps the version
// it was based on, so that saving it later still notices a change made meanwhile.
func previewText[T content.Entry](s *Server, w http.ResponseWriter, r *http.Request, res resource[T], e T, isNew bool) error {
	form, _ := res.read(r.PostForm, &e)
	f := formState(adminMessages(r), form, e.Fields(), nil)
	f.PreviewField = markdownFields[e.Entity()]
	s.flash(r.Context(), f.Admin.FlashPreview)
	return renderEntryPage(s, w, r, res, e, isNew, f, http.StatusOK)
}
