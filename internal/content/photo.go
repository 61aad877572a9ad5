package content

import (
	"strconv"
	"strings"
)

// MaxPhotos is how many photos a city's gallery holds at most: a small grid under the story, not
// an album. The database refuses a position beyond it too.
const MaxPhotos = 12

// Photo is one photo of a city's gallery. It is a Picture with a caption: the gallery says what a
// photo shows beside it, which the main photo, the awards' images and the organisations' logos
// (sharing Picture and its columns) do not need. So the caption lives here, not on Picture.
type Photo struct {
	ImageID int64     `json:"image_id"`
	Display ImageFile `json:"display"`
	Thumb   ImageFile `json:"thumb"`
	Alt     Text      `json:"alt"`     // required in both languages
	Caption Text      `json:"caption"` // optional, said under the photo
	Credit  string    `json:"credit"`  // who took the photo
}

// Picture is the photo as the components that show a picture take it.
func (p Photo) Picture() *Picture {
	return &Picture{ImageID: p.ImageID, Display: p.Display, Thumb: p.Thumb, Alt: p.Alt, Credit: p.Credit}
}

// normalizePhotos trims what staff typed on each photo.
func normalizePhotos(photos []Photo) {
	for i := range photos {
		trimText(&photos[i].Alt, &photos[i].Caption)
		photos[i].Credit = strings.TrimSpace(photos[i].Credit)
	}
}

// gallery checks a city's photos: how many, and each one's words, under the field names of the
// gallery's own forms ("gallery.2.alt_ru").
func (c *checker) gallery(photos []Photo) {
	if len(photos) > MaxPhotos {
		c.add("gallery", ProblemTooLong)
	}
	for i, p := range photos {
		prefix := "gallery." + strconv.Itoa(i) + "."
		for _, l := range Langs {
			field, v := prefix+"alt_"+string(l), p.Alt.In(l)
			if strings.TrimSpace(v) == "" {
				c.add(field, ProblemAlt)
				continue
			}
			c.line(field, v, MaxSummary)
		}
		for _, l := range Langs {
			c.line(prefix+"caption_"+string(l), p.Caption.In(l), MaxSummary)
		}
		c.line(prefix+"credit", p.Credit, MaxName)
	}
}

// galleryValue writes the photos one per line, for the history to compare: the image (by its
// thumbnail's hash), the text alternative, the caption and the credit.
func galleryValue(photos []Photo) string {
	lines := make([]string, len(photos))
	for i, p := range photos {
		hash := p.Thumb.Hash
		if len(hash) > 12 {
			hash = hash[:12]
		}
		lines[i] = strconv.Itoa(i+1) + ". " + hash + " — " + p.Alt.RU + " / " + p.Alt.EN
		if p.Caption.RU != "" || p.Caption.EN != "" {
			lines[i] += " — " + p.Caption.RU + " / " + p.Caption.EN
		}
		if p.Credit != "" {
			lines[i] += " — " + p.Credit
		}
	}
	return strings.Join(lines, "\n")
}
