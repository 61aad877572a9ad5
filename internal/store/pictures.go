package store

import (
	"database/sql/driver"
	"fmt"

	"twincities/internal/content"
)

// pictureJoin joins an entry's image (alias i) and its two stored sizes; prefix is the entry's
// table alias. Every query of an entry with a picture uses it, so lists and pages show the image.
func pictureJoin(prefix string) string {
	return fmt.Sprintf(` LEFT JOIN images i ON i.id = %[1]s.image_id
		LEFT JOIN image_files pd ON pd.hash = i.display_hash
		LEFT JOIN image_files pt ON pt.hash = i.thumb_hash`, prefix)
}

// pictureColumns are the columns of an entry's picture: the image and its texts, which the entry
// writes, and the image's two files, which pictureJoin brings. The entry's picture is built from
// all of them once the row is scanned (see pictureParts).
func pictureColumns(p **content.Picture) []column {
	s := &pictureParts{picture: p}
	return []column{
		{"image_id", pictureID{s}, written},
		{"image_alt_ru", pictureText{&s.altRU, p, func(p *content.Picture) string { return p.Alt.RU }}, written},
		{"image_alt_en", pictureText{&s.altEN, p, func(p *content.Picture) string { return p.Alt.EN }}, written},
		{"image_credit", pictureText{&s.credit, p, func(p *content.Picture) string { return p.Credit }}, written},
		{"pd.hash", &s.display.hash, joined},
		{"pd.content_type", &s.display.contentType, joined},
		{"pd.width", &s.display.width, joined},
		{"pd.height", &s.display.height, joined},
		{"pt.hash", &s.thumb.hash, joined},
		{"pt.content_type", &s.thumb.contentType, joined},
		{"pt.width", &s.thumb.width, joined},
		{"pt.height", &s.thumb.height, joined},
	}
}

// pictureParts is an entry's picture as a row holds it, column by column. The entry has a picture
// only when its image and both files were found: the joins are LEFT JOINs.
type pictureParts struct {
	picture              **content.Picture
	id                   *int64
	altRU, altEN, credit string
	display, thumb       imageFileParts
}

// imageFileParts is one size of the image, NULL when the join found none.
type imageFileParts struct {
	hash, contentType *string
	width, height     *int
}

// finish builds the entry's picture from the columns scanned.
func (s *pictureParts) finish() {
	if s.id == nil || s.display.hash == nil || s.thumb.hash == nil {
		*s.picture = nil
		return
	}
	*s.picture = &content.Picture{
		ImageID: *s.id, Display: s.display.file(), Thumb: s.thumb.file(),
		Alt: content.Text{RU: s.altRU, EN: s.altEN}, Credit: s.credit,
	}
}

func (f imageFileParts) file() content.ImageFile {
	return content.ImageFile{Hash: *f.hash, ContentType: *f.contentType, Width: *f.width, Height: *f.height}
}

// pictureID is the image_id column: NULL without a picture. It is the picture's finisher, so the
// picture is built once per row.
type pictureID struct{ s *pictureParts }

// Value is the picture's image, or NULL.
func (a pictureID) Value() (driver.Value, error) {
	if *a.s.picture == nil {
		return nil, nil
	}
	return (*a.s.picture).ImageID, nil
}

// Scan keeps the image's ID for finish.
func (a pictureID) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		a.s.id = nil
	case int64:
		a.s.id = &v
	default:
		return fmt.Errorf("store: the image_id column holds %T", src)
	}
	return nil
}

func (a pictureID) finish() { a.s.finish() }

// pictureText is one of the picture's text columns: empty without a picture.
type pictureText struct {
	into    *string                       // where Scan keeps it for finish
	picture **content.Picture             // what Value reads
	of      func(*content.Picture) string // the text of a picture
}

// Value is the text, or "" without a picture.
func (a pictureText) Value() (driver.Value, error) {
	if *a.picture == nil {
		return "", nil
	}
	return a.of(*a.picture), nil
}

// Scan keeps the text for finish.
func (a pictureText) Scan(src any) error {
	v, ok := src.(string)
	if !ok {
		return fmt.Errorf("store: a picture text column holds %T", src)
	}
	*a.into = v
	return nil
}
