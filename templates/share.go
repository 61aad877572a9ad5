package templates

import "twincities/internal/content"

// Share is what a page tells search engines and messengers beyond its title and description:
// the kind of page and the picture of a shared link (Open Graph and Twitter cards), and its
// structured data (schema.org JSON-LD, built by package schemaorg).
type Share struct {
	Type     string // og:type: "website", or "article" for a page about one entry; "website" when empty
	Image    string // the share image's absolute URL, versioned by its content; none when empty
	ImageAlt string // what the share image shows, in the page's language
	Data     []any  // schema.org objects, each one JSON-LD script
}

// The share images' size: what Open Graph and Twitter's large card expect.
const (
	ShareImageWidth  = 1200
	ShareImageHeight = 630
)

// OGType is the page's og:type.
func (p Page) OGType() string {
	if p.Share.Type == "" {
		return "website"
	}
	return p.Share.Type
}

// OGTitle is the title a shared link shows: the page's title, or the site's on the home page.
func (p Page) OGTitle() string {
	if p.Title == "" {
		return p.Msg.SiteTitle
	}
	return p.Title
}

// ogLocale is a language as Open Graph names it.
func ogLocale(l content.Lang) string {
	if l == content.EN {
		return "en_US"
	}
	return "ru_RU"
}
