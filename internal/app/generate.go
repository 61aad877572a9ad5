package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"twincities/internal/seed"
)

// errSeedUsage is the seed command's answer to arguments it does not know.
var errSeedUsage = errors.New("usage: twincities seed [--generated N]")

// generatedScale reads the seed command's arguments: none (0: the initial data only), or
// --generated N (also written --generated=N).
func generatedScale(args []string) (int, error) {
	var v string
	switch {
	case len(args) == 0:
		return 0, nil
	case len(args) == 2 && args[0] == "--generated":
		v = args[1]
	case len(args) == 1 && strings.HasPrefix(args[0], "--generated="):
		v, _ = strings.CutPrefix(args[0], "--generated=")
	default:
		return 0, errSeedUsage
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > seed.MaxGenerated {
		return 0, fmt.Errorf("seed: --generated takes a whole number from 1 to %d, not %q", seed.MaxGenerated, v)
	}
	return n, nil
}

// generateCommand prepares the database as serve would (the schema, and the initial data when it
// is empty), then adds the generated test data of scale n and says how long that took.
func generateCommand(ctx context.Context, a *App, n int, stdout io.Writer) error {
	if _, err := a.Prepare(ctx); err != nil {
		return err
	}
	start := time.Now()
	g, err := seed.Generate(ctx, a.pool, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Generated test data: %d cities, %d events, %d news items, %d awards, %d organisations in %.1f s.\n",
		g.Cities, g.Events, g.News, g.Awards, g.Organizations, time.Since(start).Seconds())
	return nil
}
