package main

import (
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	"safesource.dev/safesource/generator/internal/prodserver"
)

// serveProd serves the built site with the production headers until killed.
// The first line printed is "serving http://HOST:PORT/" so a test harness
// can read the address when -port 0 picks one.
func (b *builder) serveProd() error {
	if !exists(filepath.Join(b.out, "index.html")) {
		return usageError{fmt.Errorf("%s has no built site: run `make build` first", b.out)}
	}
	rules, err := prodserver.LoadHeaderRules(filepath.Join(b.root, "netlify.toml"))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(b.cfg.bind, strconv.Itoa(b.cfg.port)))
	if err != nil {
		return fmt.Errorf("listening on %s:%d: %w (is another server running? pick another -port)", b.cfg.bind, b.cfg.port, err)
	}
	fmt.Fprintf(b.w, "serving http://%s/\n", ln.Addr())
	srv := &http.Server{Handler: prodserver.Handler(b.out, rules), ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}
