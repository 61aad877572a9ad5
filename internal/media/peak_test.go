//go:build linux && !race

// The peak is read from Linux's /proc. The race detector multiplies the memory a program takes,
// so the measurements mean nothing under it; the image package's tests run without it (see the
// Makefile).

package media_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"twincities/internal/media"
)

// peakEnv names the upload the test binary processes when run again as a child by peakRSS.
const peakEnv = "MEDIA_PEAK_UPLOAD"

// TestPeakMemoryChild is the body of the child process peakRSS starts: it reads the upload named
// in peakEnv as the web server does (media.ReadUpload from a file) and processes it as a photo,
// printing the outcome. Run as an ordinary test, without peakEnv, it has nothing to do.
func TestPeakMemoryChild(t *testing.T) {
	path := os.Getenv(peakEnv)
	if path == "" {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := media.ReadUpload(f)
	if err != nil {
		t.Fatal(err)
	}
	p, err := media.Process(data, media.Photo)
	// VmHWM is the peak resident set size of this process since it was started, in kB. (The
	// rusage the parent could read instead counts the parent's own memory too: the child shares
	// the parent's until it starts this program.)
	status, rerr := os.ReadFile("/proc/self/status")
	if rerr != nil {
		t.Fatal(rerr)
	}
	_, hwm, ok := strings.Cut(string(status), "VmHWM:")
	if !ok {
		t.Fatalf("no VmHWM in /proc/self/status:\n%s", status)
	}
	hwm, _, _ = strings.Cut(hwm, "\n")
	fmt.Printf("peak: %s\n", strings.TrimSuffix(strings.TrimSpace(hwm), " kB"))
	switch {
	case errors.Is(err, media.ErrTooMuchMemory):
		fmt.Println("outcome: refused")
	case err != nil:
		t.Fatal(err)
	default:
		fmt.Printf("outcome: accepted %d×%d\n", p.Display.Width, p.Display.Height)
	}
}

// peakRSS processes data in a process of its own, the test binary run again, and returns the
// peak resident memory and the outcome it reported. The child runs with the garbage collector's
// defaults, as the server does: GOGC and GOMEMLIMIT are taken out of its environment, since the
// server sets neither.
func peakRSS(t *testing.T, data []byte) (int64, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "upload")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPeakMemoryChild$", "-test.count=1")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, peakEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the child process failed: %v\n%s", err, out)
	}
	said := func(key string) string {
		_, v, ok := strings.Cut(string(out), key+": ")
		if !ok {
			t.Fatalf("the child process did not say its %s:\n%s", key, out)
		}
		v, _, _ = strings.Cut(v, "\n")
		return v
	}
	kB, err := strconv.ParseInt(said("peak"), 10, 64)
	if err != nil {
		t.Fatalf("the child's peak: %v", err)
	}
	return kB << 10, said("outcome")
}

// peakBudget is what one upload may take in all: MaxImageMemory for the processing, the upload's
// bytes (read and kept), and the program itself.
const peakBudget = 320 << 20

func TestPeakMemoryOfTheLargestUpload(t *testing.T) {
	t.Parallel()
	data := largestDeepPNG(t)
	rss, outcome := peakRSS(t, data)
	if !strings.HasPrefix(outcome, "accepted") {
		t.Fatalf("the largest upload the limit accepts was %s", outcome)
	}
	if rss > peakBudget {
		t.Errorf("processing the largest accepted upload (%d bytes) took a peak of %d MiB, more than %d MiB",
			len(data), rss>>20, peakBudget>>20)
	}
	t.Logf("largest accepted upload, a %d-byte 16-bit PNG: peak RSS %d MiB", len(data), rss>>20)
}

func TestPeakMemoryOfARefusedDeepPNG(t *testing.T) {
	t.Parallel()
	data := deepPNG(t, 7000, 7000)
	rss, outcome := peakRSS(t, data)
	if outcome != "refused" {
		t.Fatalf("the 7000×7000 16-bit PNG was %s", outcome)
	}
	// Refused from its header: the program itself and the file's bytes, nothing like the pixels.
	if rss > 64<<20 {
		t.Errorf("refusing the 7000×7000 16-bit PNG took a peak of %d MiB", rss>>20)
	}
	t.Logf("7000×7000 16-bit PNG, %d bytes, refused: peak RSS %d MiB", len(data), rss>>20)
}
