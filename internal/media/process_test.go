package media_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"twincities/internal/media"
)

func TestLargePhotoIsScaledDownToBothSizes(t *testing.T) {
	t.Parallel()
	p := process(t, bigPhoto(), media.Photo)
	display := decodeVariant(t, p.Display, "image/jpeg", 1600, 1067)
	thumb := decodeVariant(t, p.Thumb, "image/jpeg", 480, 320)
	// The picture itself must survive scaling: red on the left, blue on the right, in each size.
	for _, img := range []image.Image{display, thumb} {
		b := img.Bounds()
		if c := at(img, b.Dx()/4, b.Dy()/2); !near(c, red, 24) {
			t.Errorf("%v: left quarter is %v, want about %v", b, c, red)
		}
		if c := at(img, 3*b.Dx()/4, b.Dy()/2); !near(c, blue, 24) {
			t.Errorf("%v: right quarter is %v, want about %v", b, c, blue)
		}
	}
	if len(p.Display.Data) >= len(bigPhoto()) || len(p.Thumb.Data) >= len(p.Display.Data) {
		t.Errorf("sizes in bytes: upload %d, display %d, thumb %d; each should be smaller than the one before",
			len(bigPhoto()), len(p.Display.Data), len(p.Thumb.Data))
	}
}

func TestSizesKeepTheAspectRatio(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name               string
		w, h               int
		displayW, displayH int
		thumbW, thumbH     int
	}{
		{"portrait", 900, 1800, 800, 1600, 240, 480},
		{"square", 1700, 1700, 1600, 1600, 480, 480},
		{"wider than the thumbnail only", 1000, 500, 1000, 500, 480, 240},
		{"just over the display box", 1601, 1000, 1600, 999, 480, 300},
		// Fitted from the display size, the thumbnail would be 480×41: each size is rounded once,
		// from the original.
		{"rounded from the original", 1601, 135, 1600, 135, 480, 40},
		// Rounding must never reach zero pixels, however thin the image.
		{"a thin line", 4000, 3, 1600, 1, 480, 1},
		{"a thin column", 2, 5000, 1, 1600, 1, 480},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := process(t, encodePNG(t, twoHalves(tt.w, tt.h)), media.Photo)
			decodeVariant(t, p.Display, "image/jpeg", tt.displayW, tt.displayH)
			decodeVariant(t, p.Thumb, "image/jpeg", tt.thumbW, tt.thumbH)
		})
	}
}

func TestSmallImageIsNotEnlarged(t *testing.T) {
	t.Parallel()
	src := twoHalves(300, 200)
	p := process(t, encodeJPEG(t, src), media.Photo)
	display := decodeVariant(t, p.Display, "image/jpeg", 300, 200)
	decodeVariant(t, p.Thumb, "image/jpeg", 300, 200)
	if !bytes.Equal(p.Display.Data, p.Thumb.Data) || p.Display.Hash != p.Thumb.Hash {
		t.Error("an image smaller than the thumbnail box should give the same file for both sizes")
	}
	// The two variants must not share their bytes, or changing one would change the other.
	p.Thumb.Data[len(p.Thumb.Data)-3] ^= 0xFF
	if bytes.Equal(p.Display.Data, p.Thumb.Data) {
		t.Error("Display and Thumb share the same slice")
	}
	// Unscaled, the pixels are the original's, up to two rounds of JPEG compression.
	for _, pt := range []image.Point{{10, 10}, {75, 100}, {225, 100}, {290, 190}} {
		if got, want := at(display, pt.X, pt.Y), at(src, pt.X, pt.Y); !near(got, want, 20) {
			t.Errorf("pixel %v = %v, want about %v", pt, got, want)
		}
	}
}

func TestLogoWithTransparencyStaysPNG(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                                     string
		w, h, displayW, displayH, thumbW, thumbH int
	}{
		{"unscaled", 400, 200, 400, 200, 400, 200},
		{"scaled", 2000, 1000, 1600, 800, 480, 240},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := process(t, encodePNG(t, transparentLogo(tt.w, tt.h)), media.Logo)
			display := decodeVariant(t, p.Display, "image/png", tt.displayW, tt.displayH)
			thumb := decodeVariant(t, p.Thumb, "image/png", tt.thumbW, tt.thumbH)
			for _, img := range []image.Image{display, thumb} {
				b := img.Bounds()
				if c := at(img, b.Dx()/4, b.Dy()/2); c.A != 0 {
					t.Errorf("%v: the transparent half has alpha %d", b, c.A)
				}
				if c := at(img, 3*b.Dx()/4, b.Dy()/6); !near(c, red, 2) {
					t.Errorf("%v: the opaque part is %v, want %v", b, c, red)
				}
				half := color.NRGBA{R: 30, G: 30, B: 220, A: 128}
				if c := at(img, 3*b.Dx()/4, b.Dy()/2); !near(c, half, 3) {
					t.Errorf("%v: the half-transparent band is %v, want about %v", b, c, half)
				}
			}
		})
	}
}

func TestTransparentImageAsPhotoIsDrawnOverWhite(t *testing.T) {
	t.Parallel()
	p := process(t, encodePNG(t, transparentLogo(2000, 1000)), media.Photo)
	display := decodeVariant(t, p.Display, "image/jpeg", 1600, 800)
	thumb := decodeVariant(t, p.Thumb, "image/jpeg", 480, 240)
	white := color.NRGBA{R: 255, G: 255, B: 255, A: 255}
	// Blue at half opacity over white.
	halfOverWhite := color.NRGBA{R: 142, G: 142, B: 237, A: 255}
	for _, img := range []image.Image{display, thumb} {
		b := img.Bounds()
		if c := at(img, b.Dx()/4, b.Dy()/2); !near(c, white, 6) {
			t.Errorf("%v: the transparent half is %v, want white (not black, and not the hidden green)", b, c)
		}
		if c := at(img, 3*b.Dx()/4, b.Dy()/6); !near(c, red, 16) {
			t.Errorf("%v: the opaque part is %v, want about %v", b, c, red)
		}
		if c := at(img, 3*b.Dx()/4, b.Dy()/2); !near(c, halfOverWhite, 16) {
			t.Errorf("%v: the half-transparent band is %v, want about %v", b, c, halfOverWhite)
		}
	}
}

func TestOpaqueLogoIsJPEG(t *testing.T) {
	t.Parallel()
	// An RGBA PNG whose alpha is 255 everywhere has an alpha channel but no transparency.
	img := twoHalves(600, 300)
	p := process(t, encodePNG(t, img), media.Logo)
	decodeVariant(t, p.Display, "image/jpeg", 600, 300)
	decodeVariant(t, p.Thumb, "image/jpeg", 480, 240)
}

func TestPalettedLogoKeepsItsTransparentColour(t *testing.T) {
	t.Parallel()
	// Design tools often save logos as paletted PNGs with one transparent palette entry.
	pal := color.Palette{color.NRGBA{}, red, blue}
	img := image.NewPaletted(image.Rect(0, 0, 120, 60), pal)
	for y := range 60 {
		for x := 60; x < 120; x++ {
			img.SetColorIndex(x, y, 1)
		}
	}
	p := process(t, encodePNG(t, img), media.Logo)
	out := decodeVariant(t, p.Display, "image/png", 120, 60)
	if c := at(out, 30, 30); c.A != 0 {
		t.Errorf("transparent entry came out with alpha %d", c.A)
	}
	if c := at(out, 90, 30); c != red {
		t.Errorf("opaque entry came out as %v, want %v", c, red)
	}
}

func TestOtherPixelFormatsDecode(t *testing.T) {
	t.Parallel()
	gradient := image.NewGray(image.Rect(0, 0, 700, 100))
	for y := range 100 {
		for x := range 700 {
			gradient.SetGray(x, y, color.Gray{Y: uint8(x * 255 / 699)})
		}
	}
	deep := image.NewNRGBA64(image.Rect(0, 0, 90, 50))
	for y := range 50 {
		for x := range 90 {
			deep.SetNRGBA64(x, y, color.NRGBA64{R: 0xFFFF, G: uint16(x * 700), B: 0, A: 0x8000})
		}
	}
	tests := []struct {
		name         string
		data         []byte
		kind         media.Kind
		wantType     string
		w, h, tw, th int
	}{
		{"grey JPEG", encodeJPEG(t, gradient), media.Photo, "image/jpeg", 700, 100, 480, 69},
		{"grey PNG", encodePNG(t, gradient), media.Logo, "image/jpeg", 700, 100, 480, 69},
		{"16-bit PNG with alpha", encodePNG(t, deep), media.Logo, "image/png", 90, 50, 90, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := process(t, tt.data, tt.kind)
			decodeVariant(t, p.Display, tt.wantType, tt.w, tt.h)
			decodeVariant(t, p.Thumb, tt.wantType, tt.tw, tt.th)
		})
	}
}

func TestFileIsJudgedByItsBytesNotItsName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// A transparent PNG saved as "emblem.jpg", and a JPEG saved as "photo.png".
	pngAsJPG := filepath.Join(dir, "emblem.jpg")
	if err := os.WriteFile(pngAsJPG, encodePNG(t, transparentLogo(200, 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	jpgAsPNG := filepath.Join(dir, "photo.png")
	if err := os.WriteFile(jpgAsPNG, encodeJPEG(t, twoHalves(200, 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		data, err := media.ReadUpload(f)
		if err != nil {
			t.Fatalf("ReadUpload(%s): %v", name, err)
		}
		return data
	}

	p := process(t, read(pngAsJPG), media.Logo)
	out := decodeVariant(t, p.Display, "image/png", 200, 100)
	if c := at(out, 50, 50); c.A != 0 {
		t.Errorf("the PNG named .jpg lost its transparency: alpha %d", c.A)
	}

	p = process(t, read(jpgAsPNG), media.Photo)
	decodeVariant(t, p.Display, "image/jpeg", 200, 100)
}

func TestUnknownKindIsRefused(t *testing.T) {
	t.Parallel()
	_, err := media.Process(encodePNG(t, twoHalves(10, 10)), media.Kind(7))
	if err == nil {
		t.Fatal("Process accepted Kind(7)")
	}
	for _, sentinel := range sentinels {
		if errors.Is(err, sentinel) {
			t.Errorf("an unknown kind is a programming error, not %v", sentinel)
		}
	}
}

func TestUnscaledImageIsReencodedFromItsExactPixels(t *testing.T) {
	t.Parallel()
	// A lossless source that needs no scaling: the display file must be exactly what the JPEG
	// encoder makes of its pixels at quality 85, with nothing added.
	src := twoHalves(320, 240)
	rgba := image.NewRGBA(src.Bounds())
	draw.Draw(rgba, rgba.Rect, src, image.Point{}, draw.Src)
	var want bytes.Buffer
	if err := jpeg.Encode(&want, rgba, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	p := process(t, encodePNG(t, src), media.Photo)
	if !bytes.Equal(p.Display.Data, want.Bytes()) {
		t.Errorf("display is %d bytes, want the %d bytes of a quality-85 JPEG of the same pixels",
			len(p.Display.Data), want.Len())
	}
}
