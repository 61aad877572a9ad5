package web

import (
	"fmt"
	"net/url"

	"twincities/internal/content"
)

// Access to the entry forms for the tests that guard against a forgotten field
// (form_roundtrip_test.go): they fill a form the way the edit page does and read it back the way
// saving does, through the same functions, so a field either of them forgets shows.

// EntryFormValues is what e's edit form is filled with: formValues with the entry's sources.
func EntryFormValues[T content.Entry](e T) url.Values {
	return formValues(e, resourceOf(e).sources(e))
}

// BlankEntry is a new entry of e's kind as its resource makes one: for a city, of e's kind.
func BlankEntry[T content.Entry](e T) T { return resourceOf(e).blank() }

// ReadEntryForm applies the submitted values v to start as saving does: the resource's read, then
// the Workflow's Check (normalise and validate). It returns the entry and every problem found.
func ReadEntryForm[T content.Entry](v url.Values, start T) (T, []content.FieldError) {
	res := resourceOf(start)
	_, problems := res.read(v, &start)
	err := res.table.Check(&start)
	return start, mergeProblems(problems, err)
}

// resourceOf is the admin resource of e's kind; a city's depends on its kind (twin or partner).
func resourceOf[T content.Entry](e T) resource[T] {
	var res any
	switch e := any(e).(type) {
	case content.City:
		res = cityResource(e.Kind)
	case content.Organization:
		res = organizationResource
	case content.Award:
		res = awardResource
	case content.Event:
		res = eventResource
	case content.Page:
		res = pageResource
	case content.Place:
		res = placeResource
	case content.News:
		res = newsResource
	default:
		panic(fmt.Sprintf("web: no admin resource for %T", e))
	}
	return res.(resource[T])
}
