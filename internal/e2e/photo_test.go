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

// addPhoto gives a city a photo, as an upload would: a real image, processed and stored; and a
// gallery of two more, captioned, and a picture on the first event of its timeline, so that every
// place a photo shows is checked.
func addPhoto(t *testing.T, s site, c content.City) {
	t.Helper()
	ctx := context.Background()
	pic := storedTestImage(t, s, 1200, 800, 140)
	pic.Alt = content.Text{RU: "Вид на город (тестовое изображение)", EN: "A view of the city (test image)"}
	pic.Credit = "Test"
	cur, err := store.Cities.Get(ctx, s.DB, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur.Picture = &pic
	for i, size := range [][2]int{{900, 600}, {600, 800}} {
		g := storedTestImage(t, s, size[0], size[1], uint8(60*i))
		cur.Gallery = append(cur.Gallery, content.Photo{ImageID: g.ImageID, Display: g.Display, Thumb: g.Thumb,
			Alt:     content.Text{RU: "Улица (тестовое изображение)", EN: "A street (test image)"},
			Caption: content.Text{RU: "Подпись к тестовому изображению", EN: "The caption of a test image"}, Credit: "Test"})
	}
	if err := store.Cities.Update(ctx, s.DB, &cur, cur.Version, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	events, err := store.ListEvents(ctx, s.DB, store.EventQuery{CityID: c.ID, Filter: store.Public})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) > 0 {
		e := events[0]
		ep := storedTestImage(t, s, 800, 600, 200)
		ep.Alt = content.Text{RU: "Событие (тестовое изображение)", EN: "An event (test image)"}
		e.Picture = &ep
		if err := store.Events.Update(ctx, s.DB, &e, e.Version, store.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
	}
}

// storedTestImage processes and stores a w×h test picture tinted by blue.
func storedTestImage(t *testing.T, s site, w, h int, blue uint8) content.Picture {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x / 5), G: uint8(y / 4), B: blue, A: 255})
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
	pic, err := store.SaveImage(context.Background(), s.DB, store.StoredImage{Display: conv(p.Display), Thumb: conv(p.Thumb)})
	if err != nil {
		t.Fatal(err)
	}
	return pic
}
