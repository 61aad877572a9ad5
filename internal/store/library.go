package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// The media library (issue 11, images in the form): every uploaded image with where it is used,
// so staff can use one again instead of uploading it once more. An image's text alternative and
// credit belong to each use (an entry's picture, a city's photo), not to the image: the library
// shows those of one of its uses.

// LibraryImage is an uploaded image with its uses.
type LibraryImage struct {
	Picture    content.Picture // the image; Alt and Credit are those of a use, empty when unused
	UploadedAt time.Time
	Uses       []ImageUse
}

// ImageUse is an entry that shows an image: as its picture, or as a photo of its gallery.
type ImageUse struct {
	Entity content.Entity
	ID     int64
	Label  content.Text
}

// imageUses lists every use of an image by an entry not in the trash, with its words.
const imageUses = `
	SELECT image_id, 'city' AS entity, id AS entity_id, name_ru AS label_ru, name_en AS label_en,
		image_alt_ru AS alt_ru, image_alt_en AS alt_en, image_credit AS credit
	FROM cities WHERE image_id IS NOT NULL AND deleted_at IS NULL
	UNION ALL
	SELECT p.image_id, 'city', c.id, c.name_ru, c.name_en, p.alt_ru, p.alt_en, p.credit
	FROM city_photos p JOIN cities c ON c.id = p.city_id WHERE c.deleted_at IS NULL
	UNION ALL
	SELECT image_id, 'award', id, title_ru, title_en, image_alt_ru, image_alt_en, image_credit
	FROM awards WHERE image_id IS NOT NULL AND deleted_at IS NULL
	UNION ALL
	SELECT image_id, 'organization', id, name_ru, name_en, image_alt_ru, image_alt_en, image_credit
	FROM organizations WHERE image_id IS NOT NULL AND deleted_at IS NULL
	UNION ALL
	SELECT image_id, 'event', id, title_ru, title_en, image_alt_ru, image_alt_en, image_credit
	FROM events WHERE image_id IS NOT NULL AND deleted_at IS NULL`

// CountImages is how many images were uploaded.
func CountImages(ctx context.Context, db DBTX) (int, error) {
	var n int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM images`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count images: %w", err)
	}
	return n, nil
}

// ListImages returns up to limit uploaded images after offset, newest first, with their uses.
func ListImages(ctx context.Context, db DBTX, offset, limit int) ([]LibraryImage, error) {
	return listImages(ctx, db, `ORDER BY i.created_at DESC, i.id DESC OFFSET @offset LIMIT @limit`,
		pgx.StrictNamedArgs{"offset": offset, "limit": limit})
}

// LibraryImageByID returns one uploaded image with its uses; ErrNotFound when there is none.
func LibraryImageByID(ctx context.Context, db DBTX, id int64) (LibraryImage, error) {
	list, err := listImages(ctx, db, `AND i.id = @id`, pgx.StrictNamedArgs{"id": id})
	if err != nil {
		return LibraryImage{}, err
	}
	if len(list) == 0 {
		return LibraryImage{}, fmt.Errorf("store: image %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

func listImages(ctx context.Context, db DBTX, tail string, args pgx.StrictNamedArgs) ([]LibraryImage, error) {
	rows, err := db.Query(ctx, `SELECT i.id, i.created_at,
			pd.hash, pd.content_type, pd.width, pd.height, pt.hash, pt.content_type, pt.width, pt.height
		FROM images i JOIN image_files pd ON pd.hash = i.display_hash JOIN image_files pt ON pt.hash = i.thumb_hash
		WHERE true `+tail, args)
	if err != nil {
		return nil, fmt.Errorf("store: list images: %w", err)
	}
	images, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (LibraryImage, error) {
		var l LibraryImage
		p := &l.Picture
		err := row.Scan(&p.ImageID, &l.UploadedAt, &p.Display.Hash, &p.Display.ContentType, &p.Display.Width, &p.Display.Height,
			&p.Thumb.Hash, &p.Thumb.ContentType, &p.Thumb.Width, &p.Thumb.Height)
		return l, err
	})
	if err != nil || len(images) == 0 {
		if err != nil {
			err = fmt.Errorf("store: list images: %w", err)
		}
		return images, err
	}
	ids := make([]int64, len(images))
	at := make(map[int64]int, len(images))
	for i, l := range images {
		ids[i], at[l.Picture.ImageID] = l.Picture.ImageID, i
	}
	rows, err = db.Query(ctx, `SELECT image_id, entity, entity_id, label_ru, label_en, alt_ru, alt_en, credit
		FROM (`+imageUses+`) u WHERE image_id = ANY(@ids) ORDER BY entity, entity_id`, pgx.StrictNamedArgs{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("store: uses of images: %w", err)
	}
	var id int64
	var u ImageUse
	var alt content.Text
	var credit string
	if _, err := pgx.ForEachRow(rows, []any{&id, &u.Entity, &u.ID, &u.Label.RU, &u.Label.EN, &alt.RU, &alt.EN, &credit}, func() error {
		l := &images[at[id]]
		if l.Picture.Alt.RU == "" {
			l.Picture.Alt, l.Picture.Credit = alt, credit
		}
		if n := len(l.Uses); n == 0 || l.Uses[n-1].Entity != u.Entity || l.Uses[n-1].ID != u.ID {
			l.Uses = append(l.Uses, u) // a city showing it twice (picture and photo) is one use
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("store: uses of images: %w", err)
	}
	return images, nil
}
