package web

import (
	"net/url"

	"twincities/internal/content"
)

// CheckEntryForm reads the form values v into an entry of the admin kind at base ("/admin/awards")
// as saving does, without saving: the values the form would show again, and every problem it
// would mark, for a new entry of the kind (the about page for the text pages, which are only ever
// edited). For the fuzz tests, which apply it to any values.
func CheckEntryForm(base string, v url.Values) (url.Values, []content.FieldError) {
	for _, k := range kinds {
		if k.base == base {
			return k.checkForm(v)
		}
	}
	panic("web: no admin kind at " + base)
}

// The request body limits, for tests that tell a refusal for size from any other.
const (
	MaxLoginBody  = maxLoginBody
	MaxPublicBody = maxPublicBody
	MaxAdminBody  = maxAdminBody
)
