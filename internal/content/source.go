package content

// Source is where a fact comes from: a title (required) and, where one exists, a web address.
// Every entry shows its sources on the public page.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
}
