package web

import (
	"context"
	"sort"
	"strings"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/markdown"
	"twincities/internal/store"
	"twincities/templates"
)

// feedLimit is how many items the Atom feed carries: the newest, enough for a reader that looks
// in once a month, small enough to fetch often.
const feedLimit = 50

// feedSummary is the length, in characters, of an item's summary in the feed.
const feedSummary = 400

// feedItem is one published entry as the feeds show it, in one language, whatever its kind.
type feedItem struct {
	Entity    content.Entity
	ID        int64
	Title     string
	Summary   string    // plain text
	Path      string    // the public page that shows it, in the language, with its anchor
	Created   time.Time // when it was made: its tag URI's date, which never changes
	Published time.Time // when the public first saw it
	Updated   time.Time // its last change
}

// feedKind reads the published entries of one kind as feed items in language l. A new kind of
// entry (news) joins the feed by one more function in feedKinds.
type feedKind func(ctx context.Context, tx store.DBTX, l content.Lang) ([]feedItem, error)

// feedKinds are the kinds of entry the Atom feed carries.
var feedKinds = []feedKind{eventFeedItems, awardFeedItems, newsFeedItems}

// feedItems is the feed's items from every kind, newest published first, at most limit, read in
// tx (one snapshot).
func feedItems(ctx context.Context, tx store.DBTX, l content.Lang, limit int) ([]feedItem, error) {
	var all []feedItem
	for _, kind := range feedKinds {
		items, err := kind(ctx, tx, l)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if !all[i].Published.Equal(all[j].Published) {
			return all[i].Published.After(all[j].Published)
		}
		if all[i].Entity != all[j].Entity {
			return all[i].Entity < all[j].Entity
		}
		return all[i].ID > all[j].ID
	})
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

// publishedAt is when the public first saw an entry: its first "publish" in the audit log, or
// its creation when it was created published.
func publishedAt(first map[int64]time.Time, id int64, created time.Time) time.Time {
	if t, ok := first[id]; ok {
		return t
	}
	return created
}

// eventFeedItems are the published timeline events: each links to its place on its city's page,
// or on the about page when it belongs to no city.
func eventFeedItems(ctx context.Context, tx store.DBTX, l content.Lang) ([]feedItem, error) {
	events, err := store.ListEvents(ctx, tx, store.EventQuery{Filter: store.Public})
	if err != nil {
		return nil, err
	}
	cities, err := store.ListCities(ctx, tx, store.CityQuery{Filter: store.Public})
	if err != nil {
		return nil, err
	}
	first, err := store.FirstPublished(ctx, tx, content.EntityEvent)
	if err != nil {
		return nil, err
	}
	out := make([]feedItem, 0, len(events))
	for _, e := range events {
		out = append(out, feedItem{
			Entity: content.EntityEvent, ID: e.ID,
			Title:   e.Title.In(l),
			Summary: joinSummary(i18n.FormatDate(e.Date, l), markdown.Summary(e.Text.In(l), feedSummary)),
			Path:    "/" + string(l) + eventPagePath(e, cities),
			Created: e.CreatedAt, Published: publishedAt(first, e.ID, e.CreatedAt), Updated: e.UpdatedAt,
		})
	}
	return out, nil
}

// awardFeedItems are the published awards, each linking to its place on the awards page.
func awardFeedItems(ctx context.Context, tx store.DBTX, l content.Lang) ([]feedItem, error) {
	awards, err := store.ListAwards(ctx, tx, store.AwardQuery{Filter: store.Public})
	if err != nil {
		return nil, err
	}
	first, err := store.FirstPublished(ctx, tx, content.EntityAward)
	if err != nil {
		return nil, err
	}
	out := make([]feedItem, 0, len(awards))
	for _, a := range awards {
		out = append(out, feedItem{
			Entity: content.EntityAward, ID: a.ID,
			Title: a.Title.In(l),
			Summary: joinSummary(i18n.FormatDate(a.Date, l), a.AwardedBy.In(l), a.Place.In(l),
				markdown.Summary(a.Description.In(l), feedSummary)),
			Path:    "/" + string(l) + "/awards#" + templates.AwardAnchor(a.ID),
			Created: a.CreatedAt, Published: publishedAt(first, a.ID, a.CreatedAt), Updated: a.UpdatedAt,
		})
	}
	return out, nil
}

// eventPagePath is the page below /{lang} that shows event e, with its anchor: its city's page,
// or the about page, which carries the general timeline.
func eventPagePath(e content.Event, cities []content.City) string {
	page := "/about"
	if e.CityID != nil {
		for _, c := range cities {
			if c.ID == *e.CityID {
				page = cityPublicPath(c)
				break
			}
		}
	}
	return page + "#" + templates.EventAnchor(e.ID)
}

// joinSummary joins the parts of a summary that are not empty into sentences.
func joinSummary(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		switch {
		case strings.HasSuffix(out, "."): // "15 октября 2007 г."
			out += " "
		case out != "":
			out += ". "
		}
		out += p
	}
	return out
}
