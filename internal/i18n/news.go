package i18n

import "twincities/internal/content"

// The words for news items that join shared maps (the history's names of kinds, the form's labels
// and hints, search's groups) are added here rather than in the catalogues' literals, so that the
// kind's words stay together in one file, as places' do (admin_places.go). A label another kind
// already gives (title, body, date, slug, sources) is shared, not repeated.
func init() {
	add := func(m *AdminMessages, pub *Messages, entity, search string, fields, hints map[string]string) {
		m.EntityNames[content.EntityNews] = entity
		pub.SearchKindNames[content.EntityNews] = search
		for k, v := range fields {
			m.Fields[k] = v
		}
		for k, v := range hints {
			m.Hints[k] = v
		}
	}
	add(&adminRU, &ruTyped, "новость", "Новости",
		map[string]string{"lead": "Вводный абзац", "city_ids": "Города, о которых новость"},
		map[string]string{
			"lead":     "Одно-два предложения для списка новостей, ленты и поисковых систем.",
			"city_ids": "Новость появится на страницах отмеченных городов.",
		})
	add(&adminEN, &en, "news item", "News",
		map[string]string{"lead": "Lead", "city_ids": "Cities the item is about"},
		map[string]string{
			"lead":     "One or two sentences for the news list, the feed and search engines.",
			"city_ids": "The item will appear on the pages of the cities ticked.",
		})
}
