// Command generator builds the SafeSource site: it exports the checker's
// rules for the templates, validates the content, builds the WebAssembly
// checker, renders the site with the pinned Hugo and checks the output.
//
//	go run ./generator build   # write the deployable site to public/
//	go run ./generator serve   # serve with live reload and search on :1313
//	go run ./generator check   # check an already built public/
//	go run ./generator stale   # list pages and contacts due for re-verification
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `usage: go run ./generator <command> [flags]

commands:
  build   export the rules, validate content, build the WASM checker,
          render with Hugo into public/, index it for search, write the
          offline service worker (sw.js), then check the output
  serve   run the stages before Hugo, then serve with live reload at
          http://localhost:1313 (Ctrl-C stops it; -port 0 picks a free port):
          pages are indexed for search after every rebuild, and edits to
          the checker (Go files, rules.json) rebuild the rules and wasm
          with -prod: serve the built public/ as production does, with
          the headers from netlify.toml (for browser tests; -port 0 picks
          a free port and prints it)
  prepare run only the stages before Hugo (rules, content, wasm)
  check   check an already built site (links, anchors, meta, content)
  offline rewrite the service worker (sw.js) of an already built site so
          it precaches the files now in the output folder
  stale   list pages (front matter reviewed) and directory entries
          (checked) older than six months, to re-verify; never fails
          (-months N, -now YYYY-MM-DD, -root DIR)
  claims  [FILE|DIR ...] list citation problems and uncited claims
          (sentences stating a figure, a law, a contact or a platform rule
          with no [locator](cite:KEY) or [our policy](own:)); default: the
          guide, red flags, scams, playbook, contacts and glossary
  synthetic -pages N -out DIR
          write a copy of the site with N generated pages into DIR (inside
          the repository, e.g. build/synthetic) for benchmarks; build it
          with: go run ./generator build -root DIR

flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	var cfg config
	fs.StringVar(&cfg.root, "root", ".", "site root (the folder with hugo.toml)")
	fs.StringVar(&cfg.out, "out", "public", "output folder, relative to the root (or absolute)")
	fs.StringVar(&cfg.bind, "bind", "127.0.0.1", "serve: address to listen on")
	fs.IntVar(&cfg.port, "port", 1313, "serve: port to listen on (0: any free port)")
	fs.StringVar(&cfg.timings, "timings", "", "build: also write each stage's time in milliseconds (JSON) to this file")
	fs.BoolVar(&cfg.prod, "prod", false, "serve: serve the built site with production headers instead of Hugo's live-reload server")
	if len(args) == 0 {
		fs.Usage()
		return 2
	}
	cmd := args[0]
	switch cmd {
	case "synthetic":
		return runSynthetic(args[1:], stdout, stderr)
	case "stale":
		return runStale(args[1:], stdout, stderr)
	case "claims":
		return runClaims(args[1:], stdout, stderr)
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "generator: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	b, err := newBuilder(cfg, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "generator: %v\n", err)
		return 2
	}
	switch cmd {
	case "build":
		err = b.build()
	case "serve":
		err = b.serve()
	case "prepare":
		err = b.prepare()
	case "check":
		err = b.checkOnly()
	case "offline":
		err = b.offlineOnly()
	case "help", "-h", "--help":
		fs.Usage()
		return 0
	default:
		fmt.Fprintf(stderr, "generator: unknown command %q\n", cmd)
		fs.Usage()
		return 2
	}
	if err != nil {
		var ue usageError
		fmt.Fprintf(stderr, "generator: %v\n", err)
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// usageError marks errors caused by how the generator was called.
type usageError struct{ error }
