# twincities: `make run` serves the site, `make test` runs every test. Nothing else is needed:
# the PostgreSQL server programs are installed here when missing (as root, with apt-get), and Go
# tools run from the versions pinned in go.mod.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO ?= go
BIN := bin/twincities

# The Go release everything builds with is the go line of go.mod: a patched release. Machines here
# start with GOTOOLCHAIN=local and an older Go that has known vulnerabilities, and a go line alone
# does not make them switch, so the release is exported here (and in .ci/run); the go command
# fetches it from the module proxy once. To move to a newer patch release: go mod edit -go=1.27.N.
export GOTOOLCHAIN := go$(shell sed -n 's/^go //p' go.mod)

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: run
run: postgres-server build ## serve the site on http://127.0.0.1:8080 with its data (Ctrl-C stops it)
	@# The daily check of the entries' links would ask the real sites from a developer's machine:
	@# off here unless asked for (LINKCHECK=on make run).
	LINKCHECK=$${LINKCHECK:-off} ./$(BIN) serve

.PHONY: build
build: ## build the binary into bin/
	$(GO) build -o $(BIN) ./cmd/twincities

.PHONY: test
test: postgres-server chromium node_modules/.axe check ## run every test: real PostgreSQL, real Chromium
	@# The browser tests take 5 to 8 minutes on two cores beside the others: go test's default
	@# limit of 10 minutes a package is too close to be a hang detector.
	$(GO) test -race -count=1 -timeout 30m $$($(GO) list ./... | grep -v -e '/internal/media$$' -e '/internal/loadtest$$')
	@# Image decoding and scaling runs in one goroutine, so the race detector finds nothing there
	@# and only multiplies its minute of pixel work; the load tests measure a real server's memory,
	@# which the race detector would multiply. Both run without it.
	$(GO) test -count=1 -timeout 30m ./internal/media ./internal/loadtest
	@# Every fuzz target's seeds ran above as ordinary tests; here each also fuzzes briefly.
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_BRIEF)

# make fuzz: every fuzz target of the repository (found with go test -list), one after another,
# for FUZZTIME each, then how many inputs each tried. A failing input is written to the target's
# testdata/fuzz/ directory, where every later go test runs it: commit it with the fix. FUZZ picks
# targets by a regular expression on their names (make fuzz FUZZ=URLs FUZZTIME=5m). Each target
# fuzzes with FUZZPARALLEL workers: one, because every worker drives the real site and its
# PostgreSQL, a core between them, and the machines here have two. Go shortens every input that
# reaches new code for up to FUZZMINIMIZETIME, by default not at all: through the router an input
# takes milliseconds and many reach new code somewhere, and shortening them took most of the time
# (the entry forms tried 2,000 inputs a minute with a second of it, 11,000 with none). A failing
# input is written as found; FUZZMINIMIZETIME=1m has Go shorten it first.
FUZZTIME ?= 30s
FUZZTIME_BRIEF ?= 3s
FUZZPARALLEL ?= 1
FUZZMINIMIZETIME ?= 0
FUZZ ?= .

.PHONY: fuzz
fuzz: postgres-server ## fuzz every fuzz target for FUZZTIME each (default 30s); print how many inputs each tried
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; failed=0; touch "$$tmp/summary"; \
	  for pkg in $$($(GO) list ./...); do \
	    for t in $$($(GO) test -list '^Fuzz' "$$pkg" | grep '^Fuzz' | grep -E -- '$(FUZZ)' || true); do \
	      echo "fuzzing $$pkg $$t for $(FUZZTIME)..."; \
	      start=$$(date +%s); \
	      if $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) \
	          -parallel $(FUZZPARALLEL) "$$pkg" > "$$tmp/log" 2>&1; then result=ok; else result=FAILED; failed=1; cat "$$tmp/log"; fi; \
	      tried=$$(sed -n 's/^fuzz: elapsed: .*, execs: \([0-9]*\) .*/\1 execs/p' "$$tmp/log" | tail -n 1); \
	      [ -n "$$tried" ] || tried=$$(sed -n 's/.*gathering baseline coverage: \([0-9]*\/[0-9]*\) .*/corpus only: \1/p' "$$tmp/log" | tail -n 1); \
	      printf '%-16s %-22s %22s %5ss %s\n' "$${pkg#twincities/internal/}" "$$t" "$$tried" "$$(( $$(date +%s) - start ))" "$$result" \
	        | tee -a "$$tmp/summary"; \
	    done; \
	  done; \
	  echo; echo "Fuzzing for $(FUZZTIME) a target. execs: inputs tried, the corpus included; corpus only: the time"; \
	  echo "ran out while replaying the seeds and the inputs kept from earlier runs; s: the whole run."; \
	  cat "$$tmp/summary"; exit $$failed

.PHONY: check
check: ## fail when generated code is stale, gofmt, go vet or staticcheck complain, or called code is vulnerable
	@$(MAKE) --no-print-directory check-generated
	@unformatted=$$(gofmt -l cmd internal templates migrations static); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change these files (run gofmt -w):"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	@$(MAKE) --no-print-directory vuln

# make vuln: govulncheck (pinned in go.mod as a tool) against a vulnerability database built here,
# offline, from the OSV files of a pinned version of golang.org/x/vulndb with its own cmd/indexdb.
# It fails on a vulnerability in code that is called; imported-but-never-called ones are listed
# only. To take newer vulnerability data, set VULNDB_VERSION to a newer pseudo-version of
# golang.org/x/vulndb (go list -m -versions does not list them; go list -m golang.org/x/vulndb@master
# names the newest).
VULNDB_VERSION := v0.0.0-20261105234957-e22db6528018
VULNDB := build/vulndb/$(VULNDB_VERSION)

.PHONY: vuln
vuln: $(VULNDB)/index/db.json ## report vulnerabilities in called code (offline database, pinned)
	$(GO) tool govulncheck -db file://$(CURDIR)/$(VULNDB) ./...

$(VULNDB)/index/db.json:
	@echo "Building the vulnerability database from golang.org/x/vulndb@$(VULNDB_VERSION) (once)..."
	@dir=$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
	  [ -d "$$dir/data/osv" ] || { echo "golang.org/x/vulndb@$(VULNDB_VERSION) has no data/osv"; exit 1; }; \
	  rm -rf $(VULNDB).tmp; \
	  $(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_VERSION) -vulns "$$dir/data/osv" -out $(VULNDB).tmp; \
	  rm -rf $(VULNDB); mv $(VULNDB).tmp $(VULNDB)

.PHONY: check-generated
check-generated: ## fail when templates/*_templ.go is not what templ makes of the .templ files
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(GO) build -o "$$tmp/templ" github.com/a-h/templ/cmd/templ; \
	  cp -r templates "$$tmp/"; \
	  (cd "$$tmp" && ./templ generate -path templates >/dev/null 2>&1) || (cd "$$tmp" && ./templ generate -path templates); \
	  if ! diff -r -q templates "$$tmp/templates" >/dev/null; then \
	    echo "templates/*_templ.go is stale: run 'make generate' and commit the result."; diff -r -q templates "$$tmp/templates" || true; exit 1; fi

.PHONY: generate
generate: ## regenerate the Go code of the templates
	$(GO) tool templ generate -path templates

.PHONY: bench
bench: postgres-server ## run the benchmarks (pages rendered through the real router and database)
	$(GO) test -run '^$$' -bench . -benchmem ./...

# make bench-http: the site under a crowd against the fastest it could be. cmd/benchhttp starts the
# built server on a throwaway database with the initial data, fetches the home page, a city page
# and a list, starts a minimal Go server handing out the very same bytes, and loads the two with
# wrk one after the other: the page cache on, then off (PAGE_CACHE_MB=0). It prints requests a
# second, their ratio and the 99th percentile for each, the server's memory and the machine.
# Each measured run follows an unmeasured one of BENCH_WARMUP (2s). BENCH_DURATION (10s),
# BENCH_WARMUP, BENCH_CONNECTIONS (64), BENCH_THREADS (2) and BENCH_PAGES change the load:
# BENCH_DURATION=3s make bench-http is a quick look. wrk never runs in make test.
.PHONY: bench-http
bench-http: postgres-server wrk build ## load the site and a minimal server with the same bytes with wrk; print the ratios
	$(GO) run ./cmd/benchhttp -bin $(BIN)

# The PostgreSQL server programs (initdb, postgres) run the private cluster of `make run` and the
# throwaway clusters of the tests. Debian keeps them in /usr/lib/postgresql/<version>/bin.
.PHONY: postgres-server
postgres-server:
	@if command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing the PostgreSQL server (apt-get install postgresql)..."; \
	  mkdir -p /etc/postgresql-common; \
	  [ -e /etc/postgresql-common/createcluster.conf ] || echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; \
	else \
	  echo "The PostgreSQL server is not installed: install it (Debian/Ubuntu: sudo apt-get install postgresql) and run make again."; exit 1; \
	fi

# Chromium drives the browser tests. With CI=true they never skip, so a missing browser is an error.
.PHONY: chromium
chromium:
	@for b in chromium chromium-browser google-chrome; do command -v $$b >/dev/null 2>&1 && exit 0; done; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium for the browser tests (apt-get install chromium)..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	elif [ "$${CI:-}" = true ]; then \
	  echo "Chromium is not installed: install it (Debian/Ubuntu: sudo apt-get install chromium) for the browser tests."; exit 1; \
	else \
	  echo "Chromium is not installed, so the browser tests will be skipped: install it (Debian/Ubuntu: sudo apt-get install chromium)."; \
	fi

# wrk loads the site in make bench-http: Debian's package (4.1.0).
.PHONY: wrk
wrk:
	@command -v wrk >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing wrk for make bench-http (apt-get install wrk)..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null; \
	else \
	  echo "wrk is not installed: install it (Debian/Ubuntu: sudo apt-get install wrk) and run make bench-http again."; exit 1; \
	fi

# axe-core (for the tests), Lighthouse (for make audit) and flag-icons (for make flags), as pinned in
# package-lock.json.
NPM_FLAGS := --no-audit --no-fund --loglevel=error
node_modules/.axe: package.json package-lock.json | npm
	npm ci --omit=dev $(NPM_FLAGS)
	@touch $@

node_modules/.all: package.json package-lock.json | npm
	npm ci $(NPM_FLAGS)
	@touch $@ node_modules/.axe

# make flags: the flag of every country the site knows, from flag-icons as pinned in package.json
# (a development dependency: make run and make test never install it), checked, minified and
# written to static/flags with its licence. Run it after changing the pin; commit the result.
.PHONY: flags
flags: node_modules/.all ## regenerate static/flags from the pinned npm package flag-icons
	$(GO) run ./cmd/genflags -src node_modules/flag-icons -out static/flags

# make worldmap: the world's land for the maps, converted once from Natural Earth as the npm package
# world-atlas ships it (a devDependency, pinned in package-lock.json) by cmd/genworldmap into
# internal/worldmap/land.svgpath, which is committed with its licence (internal/worldmap/NOTICE):
# make run and make test need neither npm nor this target. Run it only to change the map's data
# or the generator, then commit the new file.
.PHONY: worldmap
worldmap: node_modules/.all ## regenerate the map's land shapes from world-atlas (npm) into internal/worldmap
	$(GO) run ./cmd/genworldmap -in node_modules/world-atlas/countries-110m.json -out internal/worldmap/land.svgpath

.PHONY: npm
npm:
	@command -v npm >/dev/null 2>&1 && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing npm (apt-get install npm)..."; \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends npm >/dev/null; \
	else echo "npm is not installed: install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm)."; exit 1; fi

# make audit: Lighthouse (mobile profile, the system Chromium) on the home page and a city page in
# both languages, against the site served from a throwaway database; prints the four scores.
AUDIT_PAGES := /ru/ /en/ /ru/twin-cities/duisburg /en/twin-cities/duisburg
CHROME_FLAGS := --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync
.PHONY: audit
audit: postgres-server chromium node_modules/.all build ## Lighthouse scores of the home and a city page, both languages
	@tmp=$$(mktemp -d); chmod 755 "$$tmp"; \
	  DATA_DIR="$$tmp/data" LISTEN_ADDR=127.0.0.1:0 ./$(BIN) serve > "$$tmp/out" 2> "$$tmp/log" & pid=$$!; \
	  trap 'kill -TERM $$pid 2>/dev/null; wait $$pid 2>/dev/null; rm -rf "$$tmp"' EXIT; \
	  for i in $$(seq 1 120); do url=$$(grep -o 'http://[0-9.:]*[0-9]' "$$tmp/out" | head -n 1 || true); [ -n "$$url" ] && break; sleep 0.5; done; \
	  [ -n "$$url" ] || { echo "the site did not start:"; cat "$$tmp/log"; exit 1; }; \
	  chrome=$$(command -v chromium || command -v chromium-browser || command -v google-chrome); \
	  printf '%-28s %12s %14s %15s %5s\n' page performance accessibility best-practices seo; \
	  for p in $(AUDIT_PAGES); do \
	    CHROME_PATH="$$chrome" node_modules/.bin/lighthouse "$$url$$p" --quiet --output=json --output-path="$$tmp/report.json" \
	      --only-categories=performance,accessibility,best-practices,seo --chrome-flags="$(CHROME_FLAGS)" || exit 1; \
	    node -e 'const c = require(process.argv[1]).categories, s = k => String(Math.round(c[k].score * 100)); console.log(process.argv[2].padEnd(28), s("performance").padStart(12), s("accessibility").padStart(14), s("best-practices").padStart(15), s("seo").padStart(5))' "$$tmp/report.json" "$$p"; \
	  done

.PHONY: clean
clean: ## remove build output (the local database in .data/ is kept)
	rm -rf bin build
