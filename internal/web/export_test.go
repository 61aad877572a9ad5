package web

import (
	"net/url"

	"twincities/internal/content"
)

// CheckEntryForm reads the form values v into an entry of the admin kind at base ("/admin/awards")
// as saving does, without saving: the values the form would show again, and every problem it
// would mark. A new entry of the kind, or the about page for the text pages (which are only ever
// edited). For the fuzz tests, which apply it to any values.
func CheckEntryForm(base string, v url.Values) (url.Values, []content.FieldError) {
	switch base {
	case cityResource(content.Twin).base:
		return checkEntryForm(cityResource(content.Twin), cityResource(content.Twin).blank(), v)
	case cityResource(content.Partner).base:
		return checkEntryForm(cityResource(content.Partner), cityResource(content.Partner).blank(), v)
	case organizationResource.base:
		return checkEntryForm(organizationResource, organizationResource.blank(), v)
	case awardResource.base:
		return checkEntryForm(awardResource, awardResource.blank(), v)
	case eventResource.base:
		return checkEntryForm(eventResource, eventResource.blank(), v)
	case pageResource.base:
		return checkEntryForm(pageResource, content.Page{Key: content.About}, v)
	}
	panic("web: no admin kind at " + base)
}

func checkEntryForm[T content.Entry](res resource[T], e T, v url.Values) (url.Values, []content.FieldError) {
	shown, problems := res.read(v, &e)
	err := res.table.Check(&e)
	return shown, mergeProblems(problems, err)
}

// The request body limits, for tests that tell a refusal for size from any other.
const (
	MaxLoginBody  = maxLoginBody
	MaxPublicBody = maxPublicBody
	MaxAdminBody  = maxAdminBody
)
