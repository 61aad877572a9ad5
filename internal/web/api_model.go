package web

import (
	"twincities/internal/content"
	"twincities/templates"
)

// The API's view model: the shapes api/openapi.json describes, made from the content types here
// and nowhere else. Fields marshal in the order they are declared, so an answer's bytes, and its
// ETag, are the same for the same data. What is not known is null, never an empty string.

// apiText is a text in both languages.
type apiText struct {
	RU string `json:"ru"`
	EN string `json:"en"`
}

// apiDate is a date with how much of it is known: "2007-10-15" (day), "2006-11" (month) or
// "1994" (year).
type apiDate struct {
	Value     string `json:"value"`
	Precision string `json:"precision"`
}

// apiSource is where a fact comes from.
type apiSource struct {
	Title            string  `json:"title"`
	URL              *string `json:"url"`
	TitleTranslation *string `json:"title_translation"`
}

// apiImageFile is one size of an image, at an absolute address.
type apiImageFile struct {
	URL    string `json:"url"`
	Type   string `json:"type"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// apiImage is a picture: the size pages show, a thumbnail, the text alternative and the credit;
// a gallery's photo has a caption too.
type apiImage struct {
	URL       string       `json:"url"`
	Type      string       `json:"type"`
	Width     int          `json:"width"`
	Height    int          `json:"height"`
	Thumbnail apiImageFile `json:"thumbnail"`
	Alt       apiText      `json:"alt"`
	Credit    *string      `json:"credit"`
}

// apiPhoto is a photo of a city's gallery: a picture with a caption.
type apiPhoto struct {
	apiImage
	Caption *apiText `json:"caption"`
}

// apiLinks are an entry's addresses: its page on the site in each language, and its own address
// in the API where it has one.
type apiLinks struct {
	RU  string `json:"ru"`
	EN  string `json:"en"`
	API string `json:"api,omitempty"`
}

// apiPoint is a place in degrees (WGS 84).
type apiPoint struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// apiCityRef names the city an event or an award concerns.
type apiCityRef struct {
	ID    int64    `json:"id"`
	Kind  string   `json:"kind"`
	Slug  string   `json:"slug"`
	Name  apiText  `json:"name"`
	Links apiLinks `json:"links"`
}

// apiList is the answer of every list: how many items, and the items.
type apiList[T any] struct {
	Count int `json:"count"`
	Items []T `json:"items"`
}

func listOf[T any](items []T) apiList[T] {
	if items == nil {
		items = []T{}
	}
	return apiList[T]{Count: len(items), Items: items}
}

// textOf is t, or nil when it is empty in both languages.
func textOf(t content.Text) *apiText {
	if t.RU == "" && t.EN == "" {
		return nil
	}
	return &apiText{RU: t.RU, EN: t.EN}
}

// dateOf is d, or nil when it is not known.
func dateOf(d content.Date) *apiDate {
	if d.IsZero() {
		return nil
	}
	return &apiDate{Value: d.String(), Precision: string(d.Precision)}
}

// stringOf is s, or nil when it is empty.
func stringOf(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func sourcesOf(in []content.Source) []apiSource {
	out := make([]apiSource, len(in))
	for i, s := range in {
		out[i] = apiSource{Title: s.Title, URL: stringOf(s.URL), TitleTranslation: stringOf(s.Translation)}
	}
	return out
}

// imageFile is f at its absolute address.
func (s *Server) imageFile(f content.ImageFile) apiImageFile {
	return apiImageFile{URL: s.baseURL + templates.ImagePath(f), Type: f.ContentType, Width: f.Width, Height: f.Height}
}

// imageOf is p, or nil when there is no picture.
func (s *Server) imageOf(p *content.Picture) *apiImage {
	if p == nil {
		return nil
	}
	d := s.imageFile(p.Display)
	return &apiImage{URL: d.URL, Type: d.Type, Width: d.Width, Height: d.Height, Thumbnail: s.imageFile(p.Thumb),
		Alt: apiText{RU: p.Alt.RU, EN: p.Alt.EN}, Credit: stringOf(p.Credit)}
}

func (s *Server) galleryOf(photos []content.Photo) []apiPhoto {
	out := make([]apiPhoto, len(photos))
	for i, p := range photos {
		out[i] = apiPhoto{apiImage: *s.imageOf(p.Picture()), Caption: textOf(p.Caption)}
	}
	return out
}

// links are the site's page at path (below /{lang}) in both languages, and api, an address in
// the API ("" for none).
func (s *Server) links(path, api string) apiLinks {
	l := apiLinks{RU: s.baseURL + "/ru" + path, EN: s.baseURL + "/en" + path}
	if api != "" {
		l.API = s.baseURL + "/api/v1" + api
	}
	return l
}

// cityRef names c, or nil for a city the public does not see (cities holds those it does).
func (s *Server) cityRef(id *int64, cities map[int64]content.City) *apiCityRef {
	if id == nil {
		return nil
	}
	c, ok := cities[*id]
	if !ok {
		return nil
	}
	return &apiCityRef{ID: c.ID, Kind: string(c.Kind), Slug: c.Slug, Name: apiText{RU: c.Name.RU, EN: c.Name.EN},
		Links: s.links(cityPublicPath(c), cityAPIPath(c))}
}

// cityAPIPath is a city's address in the API, below /api/v1.
func cityAPIPath(c content.City) string { return "/cities/" + string(c.Kind) + "/" + c.Slug }
