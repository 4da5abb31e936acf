package budget

import (
	"crypto/rand"
	"strings"
	"testing"
	"testing/fstest"
)

// random returns incompressible bytes, so brotli sizes are predictable.
func random(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func site(guideJS, checkerJS, wasm int) fstest.MapFS {
	return fstest.MapFS{
		"guide/a/index.html": {Data: []byte(`<html><head><link rel="stylesheet" href="/assets/site.css"><script src="/assets/main.js"></script></head><body>hi</body></html>`)},
		// The whole guide on one page for printing is not held to a single page's budget.
		"guide/print/index.html": {Data: append([]byte(`<html><head><link rel="stylesheet" href="/assets/site.css"></head><body>`), random(30_000)...)},
		"check/index.html":       {Data: []byte(`<html><head><script src="/assets/main.js"></script><script type="module" src="/assets/checker.js"></script></head></html>`)},
		"assets/site.css":        {Data: random(1000)},
		"assets/main.js":         {Data: random(guideJS)},
		"assets/checker.js":      {Data: random(checkerJS)},
		"assets/checker.wasm":    {Data: random(wasm)},
	}
}

func TestCheck(t *testing.T) {
	lim := Limits{GuidePage: 10_000, CheckerJS: 20_000, Wasm: 50_000}
	tests := []struct {
		name                     string
		guideJS, checkerJS, wasm int
		wantOver                 []string
	}{
		{"all under", 2000, 5000, 40_000, nil},
		{"guide page over", 9500, 5000, 40_000, []string{"/guide/a/ weighs"}},
		{"checker JS over", 2000, 19_000, 40_000, []string{"/check/ loads"}},
		{"wasm over", 2000, 5000, 60_000, []string{"/assets/checker.wasm is"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Check(site(tt.guideJS, tt.checkerJS, tt.wasm), lim, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Over) != len(tt.wantOver) {
				t.Fatalf("over = %v, want %v", r.Over, tt.wantOver)
			}
			for i, w := range tt.wantOver {
				if !strings.Contains(r.Over[i], w) {
					t.Errorf("over[%d] = %q, want it to contain %q", i, r.Over[i], w)
				}
			}
			// Random bytes do not compress: sizes are the raw size plus a small header.
			if r.CheckerJS < tt.guideJS+tt.checkerJS || r.CheckerJS > tt.guideJS+tt.checkerJS+64 {
				t.Errorf("checker JS measured %d, want about %d", r.CheckerJS, tt.guideJS+tt.checkerJS)
			}
		})
	}
}

func TestMissingAsset(t *testing.T) {
	fsys := site(10, 10, 10)
	delete(fsys, "assets/site.css")
	if _, err := Check(fsys, SiteLimits, ""); err == nil || !strings.Contains(err.Error(), "stylesheet /assets/site.css") {
		t.Fatalf("want an error naming the missing stylesheet, got %v", err)
	}
}

func TestBrotliCompresses(t *testing.T) {
	text := []byte(strings.Repeat("supplier risk checker ", 500))
	if n := Brotli(text); n == 0 || n > len(text)/20 {
		t.Errorf("brotli of repetitive text = %d bytes of %d", n, len(text))
	}
}

func TestCacheGivesSameSizes(t *testing.T) {
	fsys := site(3000, 4000, 5000)
	cache := t.TempDir() + "/sizes.json"
	first, err := Check(fsys, SiteLimits, cache)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Check(fsys, SiteLimits, cache)
	if err != nil {
		t.Fatal(err)
	}
	if first.Summary() != second.Summary() {
		t.Errorf("cached measurement differs: %q vs %q", first.Summary(), second.Summary())
	}
	m := NewMeter(fsys)
	m.LoadCache(cache)
	if len(m.byHash) != 4 {
		t.Errorf("cache holds %d sizes, want one per measured file (4)", len(m.byHash))
	}
}
