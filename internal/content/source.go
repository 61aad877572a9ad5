package content

// Source is where a fact comes from: a title (required) and, where one exists, a web address.
// Every entry shows its sources on the public page.
//
// The title is the source's own, in its own language (an English newspaper keeps its English
// headline). Translation is the same title in the site's other language, optional: a page in
// that language shows it instead of a title its readers may not read, and where there is none it
// shows the original marked with its language. Sources stored before it existed read as having
// none.
type Source struct {
	Title       string `json:"title"`
	URL         string `json:"url,omitempty"`
	Translation string `json:"translation,omitempty"`
}
