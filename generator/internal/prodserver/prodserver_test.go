package prodserver

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestHandler(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "home")
	write("guide/index.html", "guide")
	write("404.html", "not found page")
	write("assets/app.123.wasm", "\x00asm")
	toml := filepath.Join(root, "netlify.toml")
	if err := os.WriteFile(toml, []byte(`
[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'self'"
[[headers]]
  for = "/assets/*"
  [headers.values]
    Cache-Control = "immutable"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	rules, err := LoadHeaderRules(toml)
	if err != nil {
		t.Fatal(err)
	}
	h := Handler(root, rules)
	tests := []struct {
		path, wantBody, wantCT, wantCache string
		wantStatus                        int
	}{
		{"/", "home", "", "", 200},
		{"/guide/", "guide", "", "", 200},
		{"/guide", "guide", "", "", 200},
		{"/nope/", "not found page", "text/html; charset=utf-8", "", 404},
		{"/../../etc/passwd", "not found page", "", "", 404},
		{"/assets/app.123.wasm", "\x00asm", "application/wasm", "immutable", 200},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.wantStatus && !(tt.wantStatus == 200 && rec.Code == 301) {
			t.Errorf("%s: status %d, want %d", tt.path, rec.Code, tt.wantStatus)
		}
		if rec.Code == 301 {
			continue
		}
		if rec.Body.String() != tt.wantBody {
			t.Errorf("%s: body %q, want %q", tt.path, rec.Body.String(), tt.wantBody)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != "default-src 'self'" {
			t.Errorf("%s: CSP %q not applied", tt.path, got)
		}
		if tt.wantCT != "" && rec.Header().Get("Content-Type") != tt.wantCT {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, rec.Header().Get("Content-Type"), tt.wantCT)
		}
		if got := rec.Header().Get("Cache-Control"); got != tt.wantCache {
			t.Errorf("%s: Cache-Control %q, want %q", tt.path, got, tt.wantCache)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, tt := range []struct {
		glob, path string
		want       bool
	}{
		{"/*", "/a/b/c.html", true},
		{"/assets/*", "/assets/x.css", true},
		{"/assets/*", "/guide/", false},
		{"/*.wasm", "/assets/c.wasm", true},
		{"/*.wasm", "/assets/c.wasm.map", false},
	} {
		if got := globToRegexp(tt.glob).MatchString(tt.path); got != tt.want {
			t.Errorf("%s ~ %s = %v, want %v", tt.glob, tt.path, got, tt.want)
		}
	}
}

// The deploy's own netlify.toml must serve the service worker so browsers
// always revalidate it (that is how they find a new deploy) and let the
// pages start workers from the site.
func TestProjectHeadersForServiceWorker(t *testing.T) {
	rules, err := LoadHeaderRules(filepath.Join("..", "..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, name := range []string{"index.html", "sw.js"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := Handler(root, rules)
	get := func(path string) http.Header {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		return rec.Header()
	}
	sw := get("/sw.js")
	if got := sw.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("/sw.js: Cache-Control %q, want no-cache", got)
	}
	if got := sw.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
		t.Errorf("/sw.js: Content-Type %q", got)
	}
	if got := get("/").Get("Content-Security-Policy"); !strings.Contains(got, "worker-src 'self'") {
		t.Errorf("CSP %q lacks worker-src 'self'", got)
	}
	if got := get("/").Get("Cache-Control"); got == "no-cache" {
		t.Errorf("pages got the worker's Cache-Control")
	}
}

// Production compresses text with brotli for browsers that ask for it; the
// test server must too, or Lighthouse and the byte counts see a slower site
// than readers get.
func TestCompression(t *testing.T) {
	root := t.TempDir()
	page := strings.Repeat("<p>Check the payee before paying.</p>\n", 200)
	files := map[string]string{"index.html": page, "app.js": "console.log(1);" + page, "photo.jpg": page, "search-index/a.sidx": page}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := Handler(root, nil)
	tests := []struct {
		path, accept, rangeHeader string
		wantBrotli                bool
		wantCT                    string
	}{
		{"/", "gzip, deflate, br", "", true, "text/html; charset=utf-8"},
		{"/app.js", "br", "", true, "text/javascript; charset=utf-8"},
		{"/app.js", "BR;q=0.5", "", true, "text/javascript; charset=utf-8"},
		{"/app.js", "gzip", "", false, "text/javascript; charset=utf-8"},
		{"/app.js", "br;q=0", "", false, "text/javascript; charset=utf-8"},
		{"/app.js", "", "", false, "text/javascript; charset=utf-8"},
		{"/app.js", "br", "bytes=0-9", false, "text/javascript; charset=utf-8"},
		{"/photo.jpg", "br", "", false, "image/jpeg"},
		{"/search-index/a.sidx", "br", "", false, ""},
	}
	for _, tt := range tests {
		for range 2 { // the second request is answered from the cache
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			if tt.accept != "" {
				req.Header.Set("Accept-Encoding", tt.accept)
			}
			if tt.rangeHeader != "" {
				req.Header.Set("Range", tt.rangeHeader)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			name := tt.path + " (Accept-Encoding: " + tt.accept + ", Range: " + tt.rangeHeader + ")"
			body := rec.Body.Bytes()
			if got := rec.Header().Get("Content-Encoding") == "br"; got != tt.wantBrotli {
				t.Fatalf("%s: brotli %v, want %v", name, got, tt.wantBrotli)
			}
			if tt.wantCT != "" && rec.Header().Get("Content-Type") != tt.wantCT {
				t.Errorf("%s: Content-Type %q, want %q", name, rec.Header().Get("Content-Type"), tt.wantCT)
			}
			want := files[strings.TrimPrefix(tt.path, "/")]
			if tt.path == "/" {
				want = files["index.html"]
			}
			if tt.rangeHeader != "" {
				want = want[:10]
			}
			if tt.wantBrotli {
				if len(body) >= len(want)/4 {
					t.Errorf("%s: %d bytes compressed from %d", name, len(body), len(want))
				}
				plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				body = plain
			}
			if string(body) != want {
				t.Errorf("%s: body differs from the file (%d bytes, want %d)", name, len(body), len(want))
			}
			if strings.HasSuffix(tt.path, ".jpg") || strings.HasSuffix(tt.path, ".sidx") {
				continue
			}
			if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("%s: Vary %q", name, got)
			}
		}
	}
}
