// Command genflags writes static/flags: the flag of every country the site knows, taken once from
// the npm package flag-icons (installed by `make flags` as pinned in package-lock.json), checked
// for anything that could reach outside the file, minified, and committed with the package's
// licence. The site serves the committed files; nothing is fetched when it runs.
//
//	go run ./cmd/genflags [-src node_modules/flag-icons] [-out static/flags]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"twincities/internal/content"
	"twincities/internal/i18n"
)

func main() {
	src := flag.String("src", "node_modules/flag-icons", "the installed flag-icons package")
	out := flag.String("out", "static/flags", "where the flags are written")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genflags:", err)
		os.Exit(1)
	}
}

// run converts every flag first and writes only when all succeeded, so a refused file leaves the
// committed flags as they were.
func run(src, out string) error {
	version, err := packageVersion(src)
	if err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return fmt.Errorf("flag-icons licence: %w", err)
	}
	flags := map[string][]byte{}
	var before, after int
	var errs []error
	for _, c := range i18n.Countries(content.EN) {
		name := strings.ToLower(c.Code) + ".svg"
		body, err := os.ReadFile(filepath.Join(src, "flags", "4x3", name))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s (%s): %w", c.Code, c.Name, err))
			continue
		}
		small, err := minify(body)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		flags[name] = small
		before += len(body)
		after += len(small)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := replaceFlags(out, flags); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "LICENSE"), licenceFile(version, licence), 0o644); err != nil {
		return err
	}
	fmt.Printf("%d flags from flag-icons %s: %d bytes before minifying, %d after (%d a flag on average)\n",
		len(flags), version, before, after, after/len(flags))
	return nil
}

// packageVersion reads the version of the installed package, for the licence file, and makes sure
// src is flag-icons at all.
func packageVersion(src string) (string, error) {
	body, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return "", fmt.Errorf("%w (run make flags, which installs flag-icons first)", err)
	}
	var p struct{ Name, Version string }
	if err := json.Unmarshal(body, &p); err != nil {
		return "", fmt.Errorf("%s/package.json: %w", src, err)
	}
	if p.Name != "flag-icons" || p.Version == "" {
		return "", fmt.Errorf("%s is %q %q, not flag-icons", src, p.Name, p.Version)
	}
	return p.Version, nil
}

// replaceFlags writes the flags and removes any other .svg in out, so the directory holds exactly
// the flags of the countries the site knows.
func replaceFlags(out string, flags map[string][]byte) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(out, "*.svg"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if _, keep := flags[filepath.Base(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for name, body := range flags {
		if err := os.WriteFile(filepath.Join(out, name), body, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func licenceFile(version string, licence []byte) []byte {
	return []byte("The flags in this directory are flags/4x3/*.svg of the npm package flag-icons " + version + "\n" +
		"(https://github.com/lipis/flag-icons), minified by cmd/genflags (make flags). Its licence:\n\n" +
		string(licence))
}
