package schemaorg

import "twincities/internal/content"

// NewsArticle is a news item on its page: url is the page, image its main photo's address ("" for
// none), both absolute; publisher is the site's name. Its date is the item's own, to its precision.
func NewsArticle(n content.News, l content.Lang, url, image, publisher string) Thing {
	return top(object("NewsArticle",
		"headline", n.Title.In(l),
		"description", n.Lead.In(l),
		"datePublished", Date(n.Date),
		"inLanguage", string(l),
		"url", url,
		"mainEntityOfPage", url,
		"image", image,
		"publisher", object("GovernmentOrganization", "name", publisher),
	))
}
