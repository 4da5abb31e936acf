// Package prodserver serves a built site the way production does: the
// headers declared in netlify.toml, the 404 page for unknown paths, and
// directory URLs mapped to index.html. Browser tests run against it, so they
// run under the production Content-Security-Policy.
package prodserver

import (
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

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
		http.ServeFile(w, r, file)
	})
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
	}
	return ""
}
