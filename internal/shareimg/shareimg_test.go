package shareimg_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"twincities/internal/shareimg"
	"twincities/internal/worldmap"
)

var agrigento = worldmap.Place{Lon: 13.58, Lat: 37.31}

// photo is a made-up photo: a gradient, big enough to be scaled down.
func photo(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 0x80, 0xff})
		}
	}
	return img
}

func TestRenderIsAPNGOfTheShareSize(t *testing.T) {
	t.Parallel()
	long := "Очень-очень длинное название города, которое никак не помещается в одну строку"
	for name, c := range map[string]shareimg.Card{
		"map":   {Kicker: "Пермь — город-побратим · Perm — twin city", Title: "Агридженто", Second: "Agrigento", Map: shareimg.Map{Home: worldmap.Perm, Places: []worldmap.Place{agrigento}}},
		"photo": {Kicker: "Пермь — город-побратим · Perm — twin city", Title: "Дуйсбург", Second: "Duisburg", Photo: photo(800, 600)},
		"tall":  {Title: "Лаубан", Second: "Lauban", Photo: photo(300, 900)},
		"long":  {Title: long, Second: long, Map: shareimg.Map{Home: worldmap.Perm}},
	} {
		data, err := shareimg.Render(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", name, err)
		}
		if cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %d×%d, want 1200×630", name, cfg.Width, cfg.Height)
		}
		if dir := os.Getenv("SHAREIMG_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, name+".png"), data, 0o644)
		}
	}
}

// TestMapDrawsLand checks that the map is not empty sea: Sicily and Italy are land.
func TestMapDrawsLand(t *testing.T) {
	t.Parallel()
	img := shareimg.Draw(shareimg.Card{Map: shareimg.Map{Home: worldmap.Perm, Places: []worldmap.Place{agrigento}}})
	colours := map[color.RGBA]int{}
	for y := 0; y < 400; y += 4 {
		for x := 0; x < 1200; x += 4 {
			colours[img.RGBAAt(x, y)]++
		}
	}
	if len(colours) < 3 {
		t.Errorf("the map has %d colours; want sea, land and markers", len(colours))
	}
}

func BenchmarkRenderPhoto(b *testing.B) {
	c := shareimg.Card{Kicker: "Пермь — город-побратим · Perm — twin city", Title: "Дуйсбург", Second: "Duisburg", Photo: photo(1600, 1067)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := shareimg.Render(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderMap(b *testing.B) {
	c := shareimg.Card{Kicker: "Пермь — город-побратим · Perm — twin city", Title: "Агридженто", Second: "Agrigento", Map: shareimg.Map{Home: worldmap.Perm, Places: []worldmap.Place{agrigento}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := shareimg.Render(c); err != nil {
			b.Fatal(err)
		}
	}
}
