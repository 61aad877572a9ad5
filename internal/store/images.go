package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"twincities/internal/content"
)

// StoredImage is an uploaded image in its two sizes, ready to be saved.
type StoredImage struct {
	Display, Thumb ImageData
}

// ImageData is one size's bytes and description.
type ImageData struct {
	Hash        string
	ContentType string
	Width       int
	Height      int
	Data        []byte
}

// SaveImage stores both sizes of an image (a file already stored under the same hash is kept,
// since its bytes are the same) and returns the image's ID with its two files described.
func SaveImage(ctx context.Context, db DBTX, img StoredImage) (content.Picture, error) {
	for _, f := range []ImageData{img.Display, img.Thumb} {
		if _, err := db.Exec(ctx, `INSERT INTO image_files (hash, content_type, width, height, data)
			VALUES (@hash, @content_type, @width, @height, @data) ON CONFLICT (hash) DO NOTHING`,
			pgx.StrictNamedArgs{"hash": f.Hash, "content_type": f.ContentType, "width": f.Width, "height": f.Height, "data": f.Data}); err != nil {
			return content.Picture{}, fmt.Errorf("store: save image file: %w", err)
		}
	}
	var id int64
	if err := db.QueryRow(ctx, `INSERT INTO images (display_hash, thumb_hash) VALUES (@display_hash, @thumb_hash) RETURNING id`,
		pgx.StrictNamedArgs{"display_hash": img.Display.Hash, "thumb_hash": img.Thumb.Hash}).Scan(&id); err != nil {
		return content.Picture{}, fmt.Errorf("store: save image: %w", err)
	}
	describe := func(f ImageData) content.ImageFile {
		return content.ImageFile{Hash: f.Hash, ContentType: f.ContentType, Width: f.Width, Height: f.Height}
	}
	return content.Picture{ImageID: id, Display: describe(img.Display), Thumb: describe(img.Thumb)}, nil
}

// ImageFileByHash returns a stored image file's type and bytes.
func ImageFileByHash(ctx context.Context, db DBTX, hash string) (contentType string, data []byte, err error) {
	err = db.QueryRow(ctx, `SELECT content_type, data FROM image_files WHERE hash = @hash`,
		pgx.StrictNamedArgs{"hash": hash}).Scan(&contentType, &data)
	if err != nil {
		return "", nil, fmt.Errorf("store: image file %s: %w", hash, notFound(err))
	}
	return contentType, data, nil
}
