package opendata

import (
	"strconv"
	"strings"
	"time"

	"twincities/internal/content"
)

// Column is one column of a set, as its structure file describes it.
type Column struct {
	Name    string // the header of the data file: latin letters, digits and underscores
	English string // what it holds, in English
	Russian string // what it holds, in Russian
	Format  string // string, integer, float or date
}

// Input is what the data files are built from: the published entries, as the public sees them,
// and the site's address for the links to their pages.
type Input struct {
	BaseURL       string
	Cities        []content.City // both kinds; each set takes its own
	Organizations []content.Organization
	Awards        []content.Award
	Events        []content.Event
}

// Set is one open data set: its code (the second half of its identifier), its words for the
// passport (in Russian, as the recommendations publish passports), the date its columns were
// defined, and its columns with how to fill them.
type Set struct {
	Code        string
	Title       string
	Description string
	Subject     string // keywords, comma-separated
	// TitleEN and DescriptionEN say the same in English, for the English page of the section.
	TitleEN, DescriptionEN string
	// Entity and Kind say which entries make up the set, for the store to find its times.
	Entity content.Entity
	Kind   content.CityKind // for cities: which kind; "" otherwise
	// StructureDate is when the columns were last defined: change it whenever Columns change, so
	// the data and structure file names say which structure a file follows.
	StructureDate time.Time
	Columns       []Column
	records       func(in Input) [][]string
}

// Header is the header row of the set's data file.
func (s Set) Header() []string {
	h := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = c.Name
	}
	return h
}

// Data is the set's data file.
func (s Set) Data(in Input) Table {
	return Table{Header: s.Header(), Records: s.records(in)}
}

// Structure is the set's structure file, with the header the recommendations give it.
func (s Set) Structure() Table {
	t := Table{Header: []string{"field name", "english description", "russian description", "format"}}
	for _, c := range s.Columns {
		t.Records = append(t.Records, []string{c.Name, c.English, c.Russian, c.Format})
	}
	return t
}

// Sets are the site's open data sets, in the order the register lists them.
var Sets = []Set{
	citySet(content.Twin, "twincities", "Perm's twin cities",
		"The cities Perm is twinned with: names in Russian and English, country, coordinates, the date the relationship began with its precision, its state and the sources.",
		"Города-побратимы Перми",
		"Города, с которыми Пермь связана отношениями побратимства: названия на русском и английском языках, страна, координаты, дата установления отношений с её точностью, состояние отношений и источники сведений.",
		"города-побратимы, побратимство, международные связи, Пермь"),
	citySet(content.Partner, "partnercities", "Perm's partner cities",
		"The Russian cities Perm has signed partnership agreements with: names in Russian and English, region, coordinates, the date of the agreement with its precision, its state and the sources.",
		"Города — партнёры Перми",
		"Российские города, с которыми Пермь заключила соглашения о партнёрстве: названия на русском и английском языках, регион, координаты, дата соглашения с её точностью, состояние отношений и источники сведений.",
		"города-партнёры, межмуниципальное сотрудничество, соглашения, Пермь"),
	membershipSet(),
	awardSet(),
	eventSet(),
}

// ByCode returns the set with code.
func ByCode(code string) (Set, bool) {
	for _, s := range Sets {
		if s.Code == code {
			return s, true
		}
	}
	return Set{}, false
}

// day is a structure date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The columns several sets share.
var (
	idColumn      = Column{"id", "Identifier of the entry on the site (stable)", "Идентификатор записи на сайте (постоянный)", "integer"}
	sourcesColumn = Column{"source_urls", "Web addresses of the sources of the facts, separated by spaces",
		"Адреса источников сведений в интернете, через пробел", "string"}
)

// dateColumns are a date and its precision: a date known only to the year is "1994", to the
// month "2006-11", to the day "2007-10-15" (ISO 8601), never padded to a day nobody knows.
func dateColumns(name, en, ru string) []Column {
	return []Column{
		{name, en + " (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known)",
			ru + " (ISO 8601: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД — с той точностью, с какой она известна)", "date"},
		{name + "_precision", "Precision of " + name + ": year, month or day; empty when the date is not known",
			"Точность даты " + name + ": year (год), month (месяц) или day (день); пусто, если дата неизвестна", "string"},
	}
}

// textColumns are a text in Russian and in English.
func textColumns(name, en, ru string) []Column {
	return []Column{
		{name + "_ru", en + ", in Russian", ru + " на русском языке", "string"},
		{name + "_en", en + ", in English", ru + " на английском языке", "string"},
	}
}

func pageColumns(what string) []Column {
	return []Column{
		{"page_ru", "Web address of the " + what + "'s page on this site, in Russian", "Адрес страницы на этом сайте на русском языке", "string"},
		{"page_en", "Web address of the " + what + "'s page on this site, in English", "Адрес страницы на этом сайте на английском языке", "string"},
	}
}

func cols(groups ...[]Column) []Column {
	var out []Column
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func one(c Column) []Column { return []Column{c} }

// dateValues are a date's two cells.
func dateValues(d content.Date) []string { return []string{d.String(), string(d.Precision)} }

func textValues(t content.Text) []string { return []string{t.RU, t.EN} }

// sourceURLs lists the addresses of the sources that have one.
func sourceURLs(ss []content.Source) string {
	var urls []string
	for _, s := range ss {
		if s.URL != "" {
			urls = append(urls, s.URL)
		}
	}
	return strings.Join(urls, " ")
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func optionalID(n *int64) string {
	if n == nil {
		return ""
	}
	return id(*n)
}

func coordinate(g *content.GeoPoint, lat bool) string {
	if g == nil {
		return ""
	}
	v := g.Lon
	if lat {
		v = g.Lat
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func row(groups ...[]string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func citySet(kind content.CityKind, code, titleEN, descriptionEN, title, description, subject string) Set {
	section := map[content.CityKind]string{content.Twin: "/twin-cities/", content.Partner: "/partner-cities/"}[kind]
	return Set{
		Code: code, Title: title, Description: description, Subject: subject, TitleEN: titleEN, DescriptionEN: descriptionEN,
		Entity: content.EntityCity, Kind: kind, StructureDate: day(2026, time.November, 30),
		Columns: cols(one(idColumn),
			one(Column{"slug", "Name of the city in the addresses of its pages", "Имя города в адресах его страниц", "string"}),
			textColumns("name", "Name of the city", "Название города"),
			one(Column{"country", "Country: ISO 3166-1 alpha-2 code", "Страна: код ISO 3166-1 alpha-2", "string"}),
			textColumns("region", "Region or state", "Регион"),
			one(Column{"latitude", "Latitude of the city centre, degrees (WGS 84)", "Широта центра города, градусы (WGS 84)", "float"}),
			one(Column{"longitude", "Longitude of the city centre, degrees (WGS 84)", "Долгота центра города, градусы (WGS 84)", "float"}),
			dateColumns("since", "Date the relationship began", "Дата установления отношений"),
			one(Column{"status", "State of the relationship: active, suspended or ended", "Состояние отношений: active (действуют), suspended (приостановлены) или ended (прекращены)", "string"}),
			dateColumns("status_date", "Date the relationship was suspended or ended", "Дата приостановки или прекращения отношений"),
			textColumns("status_note", "Public note on the state of the relationship", "Пояснение к состоянию отношений"),
			textColumns("summary", "Short description", "Краткое описание"),
			one(Column{"website", "Official website of the city", "Официальный сайт города", "string"}),
			pageColumns("city"),
			one(sourcesColumn)),
		records: func(in Input) [][]string {
			var out [][]string
			for _, c := range in.Cities {
				if c.Kind != kind {
					continue
				}
				out = append(out, row([]string{id(c.ID), c.Slug}, textValues(c.Name), []string{c.Country}, textValues(c.Region),
					[]string{coordinate(c.Location, true), coordinate(c.Location, false)}, dateValues(c.Since),
					[]string{string(c.Status)}, dateValues(c.StatusDate), textValues(c.StatusNote), textValues(c.Summary),
					[]string{c.Website, in.BaseURL + "/ru" + section + c.Slug, in.BaseURL + "/en" + section + c.Slug, sourceURLs(c.Sources)}))
			}
			return out
		},
	}
}

func membershipSet() Set {
	return Set{
		Code: "memberships", Title: "Членство Перми в союзах и ассоциациях",
		TitleEN:       "Perm's memberships of unions and associations",
		DescriptionEN: "The unions and associations of local governments Perm belongs to: names in Russian and English, kind, level, the date Perm joined with its precision, Perm's role and the sources.",
		Description:   "Союзы и ассоциации органов местного самоуправления, членом которых является Пермь: названия на русском и английском языках, вид, уровень, дата вступления с её точностью, роль Перми и источники сведений.",
		Subject:       "союзы городов, ассоциации муниципальных образований, членство, Пермь",
		Entity:        content.EntityOrganization, StructureDate: day(2026, time.November, 30),
		Columns: cols(one(idColumn),
			one(Column{"slug", "Name of the organisation in the address of its page", "Имя организации в адресе её страницы", "string"}),
			one(Column{"kind", "Kind: union or association", "Вид: union (союз) или association (ассоциация)", "string"}),
			one(Column{"scope", "Level: international, national or interregional", "Уровень: international (международный), national (общероссийский) или interregional (межрегиональный)", "string"}),
			textColumns("name", "Name of the organisation", "Название организации"),
			textColumns("short_name", "Abbreviated name", "Сокращённое название"),
			dateColumns("member_since", "Date Perm became a member", "Дата вступления Перми"),
			textColumns("role", "Perm's role in the organisation beyond membership", "Роль Перми в организации помимо членства"),
			one(Column{"website", "Official website of the organisation", "Официальный сайт организации", "string"}),
			pageColumns("organisation"),
			one(sourcesColumn)),
		records: func(in Input) [][]string {
			var out [][]string
			for _, o := range in.Organizations {
				out = append(out, row([]string{id(o.ID), o.Slug, string(o.Kind), string(o.Scope)}, textValues(o.Name),
					textValues(o.ShortName), dateValues(o.MemberSince), textValues(o.Role),
					[]string{o.Website, in.BaseURL + "/ru/memberships/" + o.Slug, in.BaseURL + "/en/memberships/" + o.Slug, sourceURLs(o.Sources)}))
			}
			return out
		},
	}
}

// cityColumn links an award or an event to the city it concerns.
var cityColumn = Column{"city_id", "The city it concerns: the id column of the twin or partner cities set; empty when none",
	"Город, к которому относится запись: значение столбца id набора городов-побратимов или городов-партнёров; пусто, если такого нет", "integer"}

func awardSet() Set {
	return Set{
		Code: "awards", Title: "Награды Перми за международное и межмуниципальное сотрудничество",
		TitleEN:       "Perm's awards for international and inter-municipal cooperation",
		DescriptionEN: "Awards and recognition Perm received for its international and inter-municipal relations: names in Russian and English, the date with its precision, who presented them and where, the city concerned and the sources.",
		Description:   "Награды и знаки признания, полученные Пермью за международные и межмуниципальные связи: названия на русском и английском языках, дата с её точностью, кем и где вручены, связанный город и источники сведений.",
		Subject:       "награды, признание, международное сотрудничество, Пермь",
		Entity:        content.EntityAward, StructureDate: day(2026, time.November, 30),
		Columns: cols(one(idColumn),
			dateColumns("date", "Date of the award", "Дата награждения"),
			textColumns("title", "Name of the award", "Название награды"),
			textColumns("awarded_by", "Who presented it", "Кем вручена"),
			textColumns("place", "Where it was presented", "Место вручения"),
			one(cityColumn),
			pageColumns("awards list"),
			one(sourcesColumn)),
		records: func(in Input) [][]string {
			var out [][]string
			for _, a := range in.Awards {
				out = append(out, row([]string{id(a.ID)}, dateValues(a.Date), textValues(a.Title), textValues(a.AwardedBy),
					textValues(a.Place), []string{optionalID(a.CityID), in.BaseURL + "/ru/awards", in.BaseURL + "/en/awards", sourceURLs(a.Sources)}))
			}
			return out
		},
	}
}

func eventSet() Set {
	return Set{
		Code: "events", Title: "События международных и межмуниципальных связей Перми",
		TitleEN:       "Events of Perm's international and inter-municipal relations",
		DescriptionEN: "Events in the history of Perm's relations with its twin and partner cities: the date with its precision, title and text in Russian and English, the city concerned, a link to more and the sources.",
		Description:   "События в истории связей Перми с городами-побратимами и партнёрами: дата с её точностью, заголовок и текст на русском и английском языках, связанный город, ссылка на подробности и источники сведений.",
		Subject:       "события, хроника, города-побратимы, международные связи, Пермь",
		Entity:        content.EntityEvent, StructureDate: day(2026, time.November, 30),
		Columns: cols(one(idColumn),
			dateColumns("date", "Date of the event", "Дата события"),
			textColumns("title", "Title of the event", "Заголовок события"),
			textColumns("text", "Text of the event (Markdown)", "Текст о событии (Markdown)"),
			one(cityColumn),
			one(Column{"link", "Web address of a page with more about the event", "Адрес страницы с подробностями о событии", "string"}),
			one(sourcesColumn)),
		records: func(in Input) [][]string {
			var out [][]string
			for _, e := range in.Events {
				out = append(out, row([]string{id(e.ID)}, dateValues(e.Date), textValues(e.Title), textValues(e.Text),
					[]string{optionalID(e.CityID), e.Link, sourceURLs(e.Sources)}))
			}
			return out
		},
	}
}
