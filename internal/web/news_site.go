package web

import (
	"context"
	"time"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
	"twincities/templates"
)

// newsSitePages are the news pages of the sitemap (issue 11, news): the list and each published
// item, with when each last changed. An item's change is also its cities' pages' change, which
// list it: cityTime, by city ID, is moved on for them. latest is the newest change of any item,
// which the list and the home page show.
func newsSitePages(ctx context.Context, tx store.DBTX, cityTime map[int64]time.Time) (pages []publicPage, latest time.Time, err error) {
	items, err := store.ListNews(ctx, tx, store.NewsQuery{Filter: store.Public})
	if err != nil {
		return nil, time.Time{}, err
	}
	for _, n := range items {
		latest = newest(latest, n.UpdatedAt)
		pages = append(pages, publicPage{templates.NewsPath(n), n.UpdatedAt})
		for _, id := range n.CityIDs {
			if t, ok := cityTime[id]; ok {
				cityTime[id] = newest(t, n.UpdatedAt)
			}
		}
	}
	return append([]publicPage{{"/news", latest}}, pages...), latest, nil
}

// newsFeedItems are the published news items, each linking to its own page.
func newsFeedItems(ctx context.Context, tx store.DBTX, l content.Lang) ([]feedItem, error) {
	items, err := store.ListNews(ctx, tx, store.NewsQuery{Filter: store.Public})
	if err != nil {
		return nil, err
	}
	first, err := store.FirstPublished(ctx, tx, content.EntityNews)
	if err != nil {
		return nil, err
	}
	out := make([]feedItem, 0, len(items))
	for _, n := range items {
		out = append(out, feedItem{
			Entity: content.EntityNews, ID: n.ID,
			Title:   n.Title.In(l),
			Summary: joinSummary(i18n.FormatDate(n.Date, l), n.Lead.In(l)),
			Path:    "/" + string(l) + templates.NewsPath(n),
			Created: n.CreatedAt, Published: publishedAt(first, n.ID, n.CreatedAt), Updated: n.UpdatedAt,
		})
	}
	return out, nil
}
