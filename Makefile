# twincities: `make run` serves the site, `make test` runs every test. Nothing else is needed:
# the PostgreSQL server programs are installed here when missing (as root, with apt-get), and Go
# tools run from the versions pinned in go.mod.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO ?= go
BIN := bin/twincities

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: run
run: postgres-server build ## serve the site on http://127.0.0.1:8080 with its data (Ctrl-C stops it)
	./$(BIN) serve

.PHONY: build
build: ## build the binary into bin/
	$(GO) build -o $(BIN) ./cmd/twincities

.PHONY: test
test: postgres-server check ## run every test against real PostgreSQL
	$(GO) test -race -count=1 ./...

.PHONY: check
check: ## fail when generated code is stale, or gofmt or go vet complain
	@$(MAKE) --no-print-directory check-generated
	@unformatted=$$(gofmt -l cmd internal templates migrations static); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change these files (run gofmt -w):"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

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

.PHONY: clean
clean: ## remove build output (the local database in .data/ is kept)
	rm -rf bin build
