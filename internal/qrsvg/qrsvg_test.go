package qrsvg_test

import (
	"fmt"
	"image/color"
	"regexp"
	"strconv"
	"testing"

	"github.com/boombuler/barcode/qr"

	"twincities/internal/qrsvg"
)

// modules reads the dark modules back from a path the way a renderer fills it: each subpath
// "Mx yhWv1h-Wz" is a rectangle one module high.
func modules(t *testing.T, path string) map[[2]int]bool {
	t.Helper()
	sub := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	dark := map[[2]int]bool{}
	rest := sub.ReplaceAllStringFunc(path, func(m string) string {
		g := sub.FindStringSubmatch(m)
		x, _ := strconv.Atoi(g[1])
		y, _ := strconv.Atoi(g[2])
		w, _ := strconv.Atoi(g[3])
		if g[3] != g[4] {
			t.Errorf("subpath %q does not close its rectangle", m)
		}
		for i := range w {
			if dark[[2]int{x + i, y}] {
				t.Errorf("module %d,%d drawn twice", x+i, y)
			}
			dark[[2]int{x + i, y}] = true
		}
		return ""
	})
	if rest != "" {
		t.Fatalf("the path holds more than rectangles: %.80q", rest)
	}
	return dark
}

func TestEncodeDrawsEveryDarkModule(t *testing.T) {
	t.Parallel()
	const uri = "otpauth://totp/Perm:olga@perm.example?algorithm=SHA1&digits=6&issuer=Perm&period=30&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
	code, err := qrsvg.Encode(uri)
	if err != nil {
		t.Fatal(err)
	}
	want, err := qr.Encode(uri, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := want.Bounds().Dx()
	if code.Size != n+2*qrsvg.QuietZone || code.ViewBox() != fmt.Sprintf("0 0 %d %d", code.Size, code.Size) {
		t.Fatalf("size %d, viewBox %q; want %d modules and the quiet zone", code.Size, code.ViewBox(), n)
	}
	dark := modules(t, code.Path)
	for y := range code.Size {
		for x := range code.Size {
			in := x >= qrsvg.QuietZone && y >= qrsvg.QuietZone && x < n+qrsvg.QuietZone && y < n+qrsvg.QuietZone
			wantDark := in && color.GrayModel.Convert(want.At(x-qrsvg.QuietZone, y-qrsvg.QuietZone)).(color.Gray).Y < 128
			if dark[[2]int{x, y}] != wantDark {
				t.Fatalf("module %d,%d: dark %v, want %v (quiet zone %v)", x, y, dark[[2]int{x, y}], wantDark, !in)
			}
		}
	}
	// A QR code's three finder patterns: a dark 7×7 ring around a dark 3×3 square, in three
	// corners. Without them no reader finds the code.
	for _, corner := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for dy := range 7 {
			for dx := range 7 {
				ring := dx == 0 || dy == 0 || dx == 6 || dy == 6
				centre := dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4
				x, y := corner[0]+dx+qrsvg.QuietZone, corner[1]+dy+qrsvg.QuietZone
				if dark[[2]int{x, y}] != (ring || centre) {
					t.Fatalf("finder pattern at %v: module %d,%d dark %v", corner, dx, dy, dark[[2]int{x, y}])
				}
			}
		}
	}
}

func TestEncodeRefusesTooMuch(t *testing.T) {
	t.Parallel()
	long := make([]byte, 5000)
	for i := range long {
		long[i] = 'a'
	}
	if _, err := qrsvg.Encode(string(long)); err == nil {
		t.Error("5000 bytes encoded; a QR code holds at most 2953")
	}
}
