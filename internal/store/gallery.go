package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// A city's gallery lives in city_photos, a row a photo, so that a foreign key holds each photo's
// image. It is read as one joined column of the city (galleryColumn: a subquery that builds the
// photos as JSON with their image files, in order), so every query of a city, lists and pages,
// brings it; and written by writeGallery in the transaction that writes the city row, so a save,
// a revert and a restore from the trash change the city and its photos together or not at all.

// galleryColumn is the city's photos, with their files, as one JSON array keyed as content.Photo's
// tags; with firstOnly, only the first photo, as a card shows it. It refers to the city as "c",
// the alias cities' queries give the table.
func galleryColumn(g *[]content.Photo, firstOnly bool) column {
	file := func(alias string) string {
		return `jsonb_build_object('hash', ` + alias + `.hash, 'content_type', ` + alias + `.content_type, 'width', ` + alias + `.width, 'height', ` + alias + `.height)`
	}
	limit := ""
	if firstOnly {
		limit = " LIMIT 1"
	}
	return column{`(SELECT jsonb_agg(photo ORDER BY position) FROM (SELECT gp.position, jsonb_build_object(
			'image_id', gp.image_id, 'display', ` + file("gd") + `, 'thumb', ` + file("gt") + `,
			'alt', jsonb_build_object('ru', gp.alt_ru, 'en', gp.alt_en),
			'caption', jsonb_build_object('ru', gp.caption_ru, 'en', gp.caption_en),
			'credit', gp.credit) AS photo
		FROM city_photos gp JOIN images gi ON gi.id = gp.image_id
		JOIN image_files gd ON gd.hash = gi.display_hash JOIN image_files gt ON gt.hash = gi.thumb_hash
		WHERE gp.city_id = c.id ORDER BY gp.position` + limit + `) photos)`, gallery{g}, joined}
}

// gallery scans the JSON of galleryColumn. No photos is nil, as a city read from its revision has
// it, so that comparing the two finds no difference.
type gallery struct{ g *[]content.Photo }

// Scan reads the JSON array, or NULL for no photos.
func (a gallery) Scan(src any) error {
	*a.g = nil
	var data []byte
	switch v := src.(type) {
	case nil:
		return nil
	case []byte:
		data = v
	case string:
		data = []byte(v)
	default:
		return fmt.Errorf("store: the gallery column holds %T", src)
	}
	if err := json.Unmarshal(data, a.g); err != nil {
		return fmt.Errorf("store: the gallery column: %w", err)
	}
	return nil
}

// writeGallery replaces the stored photos of city id with photos, numbered in their order. The
// caller runs it in the transaction that writes the city.
func writeGallery(ctx context.Context, db DBTX, id int64, photos []content.Photo) error {
	if _, err := db.Exec(ctx, `DELETE FROM city_photos WHERE city_id = @city_id`, pgx.StrictNamedArgs{"city_id": id}); err != nil {
		return fmt.Errorf("store: clear the gallery of city %d: %w", id, err)
	}
	for i, p := range photos {
		if _, err := db.Exec(ctx, `INSERT INTO city_photos (city_id, position, image_id, alt_ru, alt_en, caption_ru, caption_en, credit)
			VALUES (@city_id, @position, @image_id, @alt_ru, @alt_en, @caption_ru, @caption_en, @credit)`,
			pgx.StrictNamedArgs{"city_id": id, "position": i, "image_id": p.ImageID, "alt_ru": p.Alt.RU, "alt_en": p.Alt.EN,
				"caption_ru": p.Caption.RU, "caption_en": p.Caption.EN, "credit": p.Credit}); err != nil {
			return fmt.Errorf("store: photo %d of city %d: %w", i+1, id, err)
		}
	}
	return nil
}
