package web

import (
	"twincities/internal/content"
	"twincities/internal/i18n"
	"twincities/templates"
)

// humanValue is a field's value as the history shows it: in words in the staff's language, not
// the code the database keeps. A city's kind and status, an organisation's kind and scope, a
// country, yes or no, a date as it is read aloud; a picture, kept as the hash of its file, is
// "the earlier picture" or "the new picture" (after). Anything else is shown as it was stored.
func humanValue(a *i18n.AdminMessages, l content.Lang, entity content.Entity, field, v string, after bool) string {
	if v == "" {
		return v
	}
	msg := i18n.For(l)
	var word string
	switch field {
	case "kind":
		if entity == content.EntityOrganization {
			word = msg.OrgKindNames[content.OrgKind(v)]
		} else {
			word = a.KindNames[content.CityKind(v)]
		}
	case "scope":
		word = msg.ScopeNames[content.Scope(v)]
	case "status":
		word = a.StatusNames[content.Status(v)]
	case "country":
		word = i18n.CountryName(v, l)
	case "published":
		switch v {
		case "yes":
			word = a.Yes
		case "no":
			word = a.No
		}
	case "image":
		word = a.PictureBefore
		if after {
			word = a.PictureAfter
		}
	default:
		if templates.DateFields[field] {
			if d, err := content.ParseDate(v); err == nil {
				word = i18n.FormatDate(d, l)
			}
		}
	}
	if word == "" {
		return v // a code the catalogues do not know is shown rather than hidden
	}
	return word
}
