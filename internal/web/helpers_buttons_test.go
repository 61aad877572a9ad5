package web_test

import (
	"net/url"
)

// Issue 11, images in the form: the image controls are part of an entry's form, and each of
// their buttons posts the whole form to its own address.

// pressButton submits the form of p that formSel matches by its button that buttonSel matches, as
// a browser does: to the button's formaction and in its formenctype where it has them, with the
// button's name and value, the edits typed and the files chosen.
func (b *browser) pressButton(p page, formSel, buttonSel string, edits url.Values, files map[string]upload) page {
	b.tb.Helper()
	form := findForm(b.tb, p, formSel)
	btn := form.Find(buttonSel)
	if btn.Length() != 1 {
		b.tb.Fatalf("%s: %d buttons match %q in %s, want 1", p.path, btn.Length(), buttonSel, formSel)
	}
	v := fill(b.tb, form, edits)
	if name := btn.AttrOr("name", ""); name != "" {
		v.Set(name, btn.AttrOr("value", ""))
	}
	for name := range files {
		if form.Find(`input[type="file"][name="`+name+`"]`).Length() != 1 {
			b.tb.Fatalf("the form has no file input %q", name)
		}
	}
	action := btn.AttrOr("formaction", form.AttrOr("action", p.path))
	referer := b.site.srv.URL + p.path
	if btn.AttrOr("formenctype", form.AttrOr("enctype", "")) == "multipart/form-data" {
		return b.postMultipart(action, v, files, "Referer", referer)
	}
	return b.post(action, v, "Referer", referer)
}

// uploadButton selects the button of an entry's form that uploads its file to action (the
// entry's path+"/image" or path+"/gallery/image"), not the one that reuses a library image.
func uploadButton(action string) string { return `button[formaction="` + action + `"]:not([name])` }

// photoButton selects the button of the n-th photo (from 0) of a city's form at path doing action:
// save, up, down or remove.
func photoButton(path string, n int, action string) string {
	return `button[formaction="` + path + "/gallery/" + itoa(int64(n)) + `"][value="` + action + `"]`
}

// reuseButton selects the button that uses the chosen library image at action.
func reuseButton(action string) string {
	return `button[formaction="` + action + `"][name="use"][value="library"]`
}

// publishDraft presses "Save and publish" on a draft's page at path, which sends the entry's form
// as it stands, with edits typed into it.
func (b *browser) publishDraft(p page, path string, edits url.Values) page {
	b.tb.Helper()
	return b.pressButton(p, formAt(path), `button[formaction="`+path+`/publish"]`, edits, nil)
}
