package store

import (
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

// pictureColumns are the columns pictureRow scans, for an entry aliased prefix.
func pictureColumns(prefix string) string {
	return fmt.Sprintf(`%[1]s.image_id, %[1]s.image_alt_ru, %[1]s.image_alt_en, %[1]s.image_credit,
		pd.hash AS display_hash, pd.content_type AS display_type, pd.width AS display_width, pd.height AS display_height,
		pt.hash AS thumb_hash, pt.content_type AS thumb_type, pt.width AS thumb_width, pt.height AS thumb_height`, prefix)
}

// pictureRow is the picture part of a row; entry rows embed it.
type pictureRow struct {
	ImageID       *int64  `db:"image_id"`
	ImageAltRU    string  `db:"image_alt_ru"`
	ImageAltEN    string  `db:"image_alt_en"`
	ImageCredit   string  `db:"image_credit"`
	DisplayHash   *string `db:"display_hash"`
	DisplayType   *string `db:"display_type"`
	DisplayWidth  *int    `db:"display_width"`
	DisplayHeight *int    `db:"display_height"`
	ThumbHash     *string `db:"thumb_hash"`
	ThumbType     *string `db:"thumb_type"`
	ThumbWidth    *int    `db:"thumb_width"`
	ThumbHeight   *int    `db:"thumb_height"`
}

func (r pictureRow) picture() *content.Picture {
	if r.ImageID == nil || r.DisplayHash == nil || r.ThumbHash == nil {
		return nil
	}
	return &content.Picture{
		ImageID: *r.ImageID,
		Display: content.ImageFile{Hash: *r.DisplayHash, ContentType: *r.DisplayType, Width: *r.DisplayWidth, Height: *r.DisplayHeight},
		Thumb:   content.ImageFile{Hash: *r.ThumbHash, ContentType: *r.ThumbType, Width: *r.ThumbWidth, Height: *r.ThumbHeight},
		Alt:     content.Text{RU: r.ImageAltRU, EN: r.ImageAltEN},
		Credit:  r.ImageCredit,
	}
}

// pictureArgs are the values of an entry's image columns: image_id, alt ru, alt en, credit.
func pictureArgs(p *content.Picture) (*int64, string, string, string) {
	if p == nil {
		return nil, "", "", ""
	}
	id := p.ImageID
	return &id, p.Alt.RU, p.Alt.EN, p.Credit
}
