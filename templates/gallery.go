package templates

import (
	"maps"
	"net/url"
	"strconv"

	"twincities/internal/content"
)

// cardPhoto is the picture a city's card shows: its main photo, or its gallery's first, or nil.
func cardPhoto(c content.City) *content.Picture {
	if c.Picture != nil {
		return c.Picture
	}
	if len(c.Gallery) > 0 {
		return c.Gallery[0].Picture()
	}
	return nil
}

// galleryForm is f with the stored words of every photo as the values of its form
// ("gallery.2.alt_ru"), where f does not carry them already (what was typed, given back).
func galleryForm(f Form, photos []content.Photo) Form {
	v := url.Values{}
	maps.Copy(v, f.Values)
	for i, ph := range photos {
		prefix := photoField(i, "")
		for name, value := range map[string]string{
			"alt_ru": ph.Alt.RU, "alt_en": ph.Alt.EN, "caption_ru": ph.Caption.RU, "caption_en": ph.Caption.EN, "credit": ph.Credit,
		} {
			if _, ok := v[prefix+name]; !ok {
				v.Set(prefix+name, value)
			}
		}
	}
	f.Values = v
	return f
}

// photoField names a field of the i-th photo's form, as content's validation names its problems.
func photoField(i int, name string) string { return "gallery." + strconv.Itoa(i) + "." + name }

// photoAction is the address of the i-th photo's form.
func photoAction(e EntryInfo, i int) string { return e.Action("gallery/" + strconv.Itoa(i)) }
