package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/internal/store"
)

// draftAnniversaryNews handles "POST /admin/news/anniversary": the dashboard's "draft a news item"
// beside a round anniversary. It makes an unpublished news item of the facts alone, in both
// languages: the city, the years, when the relationship began and when the anniversary is, the
// city's sources; then opens it for editing. The anniversary must be one the dashboard lists
// (counted again here), so no form can make a draft of years that are not due.
func (s *Server) draftAnniversaryNews(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), adminMessages(r)
	if err := r.ParseForm(); err != nil {
		return errBadRequest
	}
	cityID, err1 := strconv.ParseInt(r.PostForm.Get("city_id"), 10, 64)
	years, err2 := strconv.Atoi(r.PostForm.Get("years"))
	if err1 != nil || err2 != nil || cityID <= 0 {
		return errBadRequest
	}
	city, err := store.Cities.Get(ctx, s.db, cityID)
	if err != nil {
		return err
	}
	var an *content.Anniversary
	for _, found := range content.Anniversaries([]content.City{city}, s.now()) {
		if found.Years == years {
			an = &found
		}
	}
	if an == nil {
		return errNotFound
	}
	n := anniversaryNews(*an, a)
	// Pressed a second time (or by a colleague), the button opens the item already made for this
	// anniversary rather than a copy of it.
	made, err := store.NewsBySlug(ctx, s.db, n.Slug, false)
	switch {
	case err == nil && made.Date.String() == n.Date.String() && slices.Contains(made.CityIDs, city.ID):
		s.flash(ctx, a.NewsAnniversaryExists)
		http.Redirect(w, r, newsResource.entryPath(made.ID), http.StatusSeeOther)
		return nil
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return err
	}
	for i := 1; ; i++ {
		if i > 1 {
			n.Slug = fmt.Sprintf("%s-%d-%d", city.Slug, years, i)
		}
		taken, err := store.NewsSlugTaken(ctx, s.db, n.Slug)
		if err != nil {
			return err
		}
		if !taken || i == 20 {
			break
		}
	}
	if err := store.News.Create(ctx, s.db, &n, actorOf(ctx)); err != nil {
		return err
	}
	s.flash(ctx, a.NewsAnniversaryDrafted)
	http.Redirect(w, r, newsResource.entryPath(n.ID), http.StatusSeeOther)
	return nil
}

// anniversaryNews is the draft of a news item for an, of its facts only; a is the staff member's
// language, for the note to staff.
func anniversaryNews(an content.Anniversary, a *i18n.AdminMessages) content.News {
	c := an.City
	n := content.News{
		Slug: fmt.Sprintf("%s-%d", c.Slug, an.Years), Date: an.Date, CityIDs: []int64{c.ID},
		Sources: append([]content.Source(nil), c.Sources...), EditorNote: a.NewsAnniversaryNote,
	}
	for _, l := range content.Langs {
		m := i18n.AdminFor(l)
		lead := m.NewsAnniversaryLeadTwin
		if c.Kind == content.Partner {
			lead = m.NewsAnniversaryLeadPartner
		}
		name, years := c.Name.In(l), i18n.Count(l, an.Years, m.NewsYears)
		title := i18n.Typeset(l, fmt.Sprintf(m.NewsAnniversaryTitle, name, years))
		text := i18n.Typeset(l, fmt.Sprintf(lead, name, i18n.CountryName(c.Country, l),
			i18n.FormatWhen(c.Since, l), i18n.FormatWhen(an.Date, l), years))
		if l == content.RU {
			n.Title.RU, n.Lead.RU = title, text
		} else {
			n.Title.EN, n.Lead.EN = title, text
		}
	}
	return n
}
