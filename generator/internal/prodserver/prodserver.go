// Package prodserver serves a built site the way production does: the
// headers declared in netlify.toml, the 404 page for unknown paths,
// directory URLs mapped to index.html, and text compressed with brotli for
// browsers that accept it. Browser tests and Lighthouse run against it, so
// they run under the production Content-Security-Policy and see the bytes a
// reader downloads.
package prodserver

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/pelletier/go-toml/v2"
)

// HeaderRule is one [[headers]] block of netlify.toml.
type HeaderRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	match  *regexp.Regexp
}

// LoadHeaderRules reads the [[headers]] blocks of a netlify.toml file.
func LoadHeaderRules(file string) ([]HeaderRule, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Headers []HeaderRule `toml:"headers"`
	}
	if err := toml.Unmarshal(src, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for i := range cfg.Headers {
		r := &cfg.Headers[i]
		if !strings.HasPrefix(r.For, "/") {
			return nil, fmt.Errorf("%s: [[headers]] for = %q must start with /", file, r.For)
		}
		r.match = globToRegexp(r.For)
	}
	return cfg.Headers, nil
}

// globToRegexp turns a Netlify path pattern into a regexp: `*` matches any
// run of characters, slashes included.
func globToRegexp(glob string) *regexp.Regexp {
	parts := strings.Split(glob, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
}

// Handler serves root with the given header rules applied to every response.
func Handler(root string, rules []HeaderRule) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		for _, rule := range rules {
			if rule.match.MatchString(r.URL.Path) {
				for k, v := range rule.Values {
					w.Header().Set(k, v)
				}
			}
		}
		file, ok := resolve(root, r.URL.Path)
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			if body, err := os.ReadFile(filepath.Join(root, "404.html")); err == nil {
				w.Write(body)
			}
			return
		}
		if ct := contentType(file); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		if compressed.serve(w, r, file) {
			return
		}
		http.ServeFile(w, r, file)
	})
}

// compressible lists the kinds of file production compresses on the way out.
// The search index's own files are left alone: they are gzip inside.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".svg": true, ".xml": true, ".txt": true, ".wasm": true,
}

// brotliLevel trades a little size for speed: files are compressed on
// first request, and level 11 takes seconds on the checker's wasm.
const brotliLevel = 6

type compressedFile struct {
	mod  time.Time
	size int64
	data []byte
}

// brotliCache holds each file compressed once, until it changes on disk.
type brotliCache struct{ files sync.Map } // path -> compressedFile

var compressed brotliCache

// serve answers with the brotli-compressed file when the browser accepts
// it and the file is of a compressible kind; it reports whether it did.
// Range requests get the file as it is.
func (c *brotliCache) serve(w http.ResponseWriter, r *http.Request, file string) bool {
	if !compressible[filepath.Ext(file)] {
		return false
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if r.Header.Get("Range") != "" || !acceptsBrotli(r.Header.Get("Accept-Encoding")) {
		return false
	}
	st, err := os.Stat(file)
	if err != nil {
		return false
	}
	var data []byte
	if v, ok := c.files.Load(file); ok && v.(compressedFile).mod.Equal(st.ModTime()) && v.(compressedFile).size == st.Size() {
		data = v.(compressedFile).data
	} else {
		raw, err := os.ReadFile(file)
		if err != nil {
			return false
		}
		var buf bytes.Buffer
		bw := brotli.NewWriterLevel(&buf, brotliLevel)
		if _, err := bw.Write(raw); err != nil {
			return false
		}
		if err := bw.Close(); err != nil {
			return false
		}
		data = buf.Bytes()
		c.files.Store(file, compressedFile{mod: st.ModTime(), size: st.Size(), data: data})
	}
	if w.Header().Get("Content-Type") == "" {
		// ServeContent would sniff the compressed bytes.
		ct := "application/octet-stream"
		if filepath.Ext(file) == ".html" {
			ct = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Content-Encoding", "br")
	http.ServeContent(w, r, "", st.ModTime(), bytes.NewReader(data))
	return true
}

// acceptsBrotli reads an Accept-Encoding header: br listed, and not with q=0.
func acceptsBrotli(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "br") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// resolve maps a URL path to a file under root, refusing anything outside it.
func resolve(root, urlPath string) (string, bool) {
	clean := path.Clean("/" + urlPath)
	file := filepath.Join(root, filepath.FromSlash(clean))
	if strings.HasSuffix(urlPath, "/") {
		file = filepath.Join(file, "index.html")
	}
	st, err := os.Stat(file)
	if err != nil {
		return "", false
	}
	if st.IsDir() {
		// Netlify serves /guide as /guide/index.html too.
		file = filepath.Join(file, "index.html")
		if _, err := os.Stat(file); err != nil {
			return "", false
		}
	}
	return file, true
}

// contentType pins the types browsers are strict about (nosniff is on).
func contentType(file string) string {
	switch filepath.Ext(file) {
	case ".wasm":
		return "application/wasm"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".html":
		return "text/html; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return ""
}
