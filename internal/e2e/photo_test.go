package e2e_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"

	"twincities/internal/content"
	"twincities/internal/media"
	"twincities/internal/store"
)

// addPhoto gives a city a photo, as an upload would: a real image, processed and stored.
func addPhoto(t *testing.T, s site, c content.City) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for y := 0; y < 800; y++ {
		for x := 0; x < 1200; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x / 5), G: uint8(y / 4), B: 140, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p, err := media.Process(buf.Bytes(), media.Photo)
	if err != nil {
		t.Fatal(err)
	}
	conv := func(v media.Variant) store.ImageData {
		return store.ImageData{Hash: v.Hash, ContentType: v.ContentType, Width: v.Width, Height: v.Height, Data: v.Data}
	}
	ctx := context.Background()
	pic, err := store.SaveImage(ctx, s.DB, store.StoredImage{Display: conv(p.Display), Thumb: conv(p.Thumb)})
	if err != nil {
		t.Fatal(err)
	}
	pic.Alt = content.Text{RU: "Вид на город (тестовое изображение)", EN: "A view of the city (test image)"}
	pic.Credit = "Test"
	cur, err := store.Cities.Get(ctx, s.DB, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur.Picture = &pic
	if err := store.Cities.Update(ctx, s.DB, &cur, cur.Version, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
}
