package seed

import "twincities/internal/content"

// organizations are the memberships of ../shared/facts/perm.md. Only the two with a sourced
// membership are published; the others are drafts whose editor's note says what is in doubt.
var organizations = []content.Organization{
	{
		Slug: "uclg-eurasia", Kind: content.Union, Scope: content.International, Published: true,
		Name: content.Text{
			RU: "Евразийское региональное отделение Всемирной организации «Объединённые города и местные власти»",
			EN: "United Cities and Local Governments, Eurasia Regional Section",
		},
		ShortName: content.Text{RU: "ОГМВ-Евразия", EN: "UCLG-Eurasia"},
		Sources:   []content.Source{portal2018},
	},
	{
		Slug: "cities-of-the-urals", Kind: content.Association, Scope: content.Interregional, Published: true,
		Name: content.Text{RU: "Ассоциация «Города Урала»", EN: "Association \u201cCities of the Urals\u201d"},
		Role: content.Text{
			RU: "В июне 2018 года глава города Перми переизбран вице-президентом ассоциации.",
			EN: "The Mayor of Perm was re-elected vice-president of the association in June 2018.",
		},
		Sources: []content.Source{{Title: "Perm city portal, news of June 2018", Translation: "Портал города Перми, новость июня 2018 г."}},
	},
	{
		Slug: "volga-region-cities", Kind: content.Association, Scope: content.Interregional,
		Name: content.Text{RU: "Ассоциация городов Поволжья", EN: "Association of Volga Region Cities"},
		EditorNote: "НЕ ПОДТВЕРЖДЕНО: членство не подтверждено источником. Известно: в октябре 2023 г. Пермь принимала общее собрание ассоциации. Подтвердите перед публикацией. " +
			"(UNCERTAIN: membership is not confirmed by a source. Known: Perm hosted the association's General Meeting in October 2023. Confirm before publishing.)",
		Sources: []content.Source{{Title: "Perm city portal, news of October 2023", Translation: "Портал города Перми, новость октября 2023 г."}},
	},
	{
		Slug: "union-of-russian-cities", Kind: content.Union, Scope: content.National,
		Name: content.Text{RU: "Союз российских городов", EN: "Union of Russian Cities"},
		EditorNote: "НЕ ПОДТВЕРЖДЕНО: членство не подтверждено источником. Известно: Пермь победила в его конкурсе лучших практик 2018 г. Подтвердите перед публикацией. " +
			"(UNCERTAIN: membership is not confirmed by a source. Known: Perm won its 2018 best-practices competition. Confirm before publishing.)",
		Sources: []content.Source{portal2018},
	},
	{
		Slug: "all-russian-congress-of-municipalities", Kind: content.Union, Scope: content.National,
		Name: content.Text{RU: "Всероссийский конгресс муниципальных образований", EN: "All-Russian Congress of Municipalities"},
		EditorNote: "НЕ ПОДТВЕРЖДЕНО: членство не подтверждено источником. Известно: 18 июня 2021 г. глава города Перми выступил на заседании его комитета. Подтвердите перед публикацией. " +
			"(UNCERTAIN: membership is not confirmed by a source. Known: the Mayor of Perm reported at its committee on 18 June 2021. Confirm before publishing.)",
		Sources: []content.Source{portal2021},
	},
	{
		Slug: "mag", Kind: content.Union, Scope: content.International,
		Name: content.Text{
			RU: "Международная ассамблея столиц и крупных городов",
			EN: "International Assembly of Capitals and Large Cities",
		},
		ShortName: content.Text{RU: "МАГ", EN: "MAG"},
		EditorNote: "НЕ ПОДТВЕРЖДЕНО: членство не подтверждено. Подтвердите перед публикацией. " +
			"(UNCERTAIN: membership is not confirmed. Confirm before publishing.)",
		Sources: []content.Source{{Title: "ura.news", URL: "https://ura.news/news/37355"}},
	},
	{
		Slug: "eurocities", Kind: content.Union, Scope: content.International,
		Name: content.Text{RU: "Eurocities", EN: "Eurocities"},
		EditorNote: "НЕ ПОДТВЕРЖДЕНО: членство не подтверждено. Известно: в сентябре 2011 г. на запрос Перми получен положительный ответ. Подтвердите перед публикацией. " +
			"(UNCERTAIN: membership is not confirmed. Known: a positive answer to Perm's request in September 2011. Confirm before publishing.)",
		Sources: []content.Source{{Title: "business-class.su, 2011", Translation: "business-class.su, 2011 г."}},
	},
}
