package budget

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
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
	// The guide page's HTML, its CSS and JS, the checker JS and the wasm.
	if len(m.byHash) != 5 {
		t.Errorf("cache holds %d sizes, want one per measured file (5)", len(m.byHash))
	}
}

// A rebuild that leaves files unchanged must not compress them again.
func TestCacheSkipsUnchangedFiles(t *testing.T) {
	fsys := site(3000, 4000, 5000)
	cache := t.TempDir() + "/sizes.json"
	count := func() int {
		t.Helper()
		m := NewMeter(fsys)
		m.LoadCache(cache)
		calls := 0
		var mu sync.Mutex
		m.compress = func(b []byte) int {
			mu.Lock()
			calls++
			mu.Unlock()
			return Brotli(b)
		}
		if _, err := m.Page("guide/a/index.html"); err != nil {
			t.Fatal(err)
		}
		if _, err := m.File("assets/checker.wasm"); err != nil {
			t.Fatal(err)
		}
		if err := m.SaveCache(cache); err != nil {
			t.Fatal(err)
		}
		return calls
	}
	if n := count(); n != 4 {
		t.Fatalf("first run compressed %d files, want 4 (HTML, CSS, JS, wasm)", n)
	}
	if n := count(); n != 0 {
		t.Errorf("second run compressed %d unchanged files, want 0", n)
	}
	fsys["guide/a/index.html"] = &fstest.MapFile{Data: []byte(`<html><head><link rel="stylesheet" href="/assets/site.css"></head><body>changed</body></html>`)}
	if n := count(); n != 1 {
		t.Errorf("after editing one page, %d files compressed, want 1", n)
	}
}

// Past maxCached entries, the cache keeps only what the latest run used.
func TestCachePrunedWhenFull(t *testing.T) {
	fsys := site(3000, 4000, 5000)
	cache := t.TempDir() + "/sizes.json"
	m := NewMeter(fsys)
	for i := range maxCached {
		m.byHash[fmt.Sprint("old", i)] = i
	}
	if _, err := m.Page("guide/a/index.html"); err != nil {
		t.Fatal(err)
	}
	if err := m.SaveCache(cache); err != nil {
		t.Fatal(err)
	}
	again := NewMeter(fsys)
	again.LoadCache(cache)
	if len(again.byHash) != 3 {
		t.Errorf("a full cache saved %d sizes, want the 3 this run used", len(again.byHash))
	}
}

// Many pages loading the same stylesheet measure it once, even concurrently.
func TestSharedFileMeasuredOnce(t *testing.T) {
	fsys := site(3000, 4000, 5000)
	m := NewMeter(fsys)
	var calls atomic.Int32
	m.compress = func(b []byte) int { calls.Add(1); return Brotli(b) }
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := m.File("/assets/site.css"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("the stylesheet was compressed %d times, want 1", n)
	}
}

// text returns n bytes of compressible, page-like text (the same every run).
func text(n int) []byte {
	words := strings.Fields("supplier factory licence deposit escrow audit sample invoice the a of to and pay check trade")
	var b strings.Builder
	for i := uint32(1); b.Len() < n; i = i*1103515245 + 12345 {
		b.WriteString(words[(i>>16)%uint32(len(words))])
		b.WriteByte(' ')
	}
	return []byte(b.String()[:n])
}

// A window fitted to the file gives what the default 4 MB window gives, to
// within the window bits of the header, and decodes to the same bytes.
func TestBrotliWindowFitted(t *testing.T) {
	for _, n := range []int{0, 1, 100, 1008, 1009, 5_000, 60_000, 300_000} {
		data := text(n)
		got := compressBrotli(data)
		var def bytes.Buffer
		w := brotli.NewWriterLevel(&def, brotli.BestCompression)
		w.Write(data)
		w.Close()
		if d := len(got) - def.Len(); d < -4 || d > 4 {
			t.Errorf("%d bytes: %d compressed with a fitted window, %d with the default one", n, len(got), def.Len())
		}
		back, err := io.ReadAll(brotli.NewReader(bytes.NewReader(got)))
		if err != nil || !bytes.Equal(back, data) {
			t.Errorf("%d bytes: the fitted-window stream does not decode to the input (err %v)", n, err)
		}
		if lg := window(n); n > 0 && n+16 > 1<<lg && lg < 22 {
			t.Errorf("%d bytes: window 2^%d is too small to hold them", n, lg)
		}
	}
}

// Files with the same content are compressed once, and Files adds up each file.
func TestFilesCompressEachContentOnce(t *testing.T) {
	same := text(50_000)
	fsys := fstest.MapFS{"a.js": {Data: same}, "b.js": {Data: same}, "c.js": {Data: text(10)}}
	m := NewMeter(fsys)
	var calls atomic.Int32
	m.compress = func(b []byte) int { calls.Add(1); return Brotli(b) }
	total, err := m.Files([]string{"a.js", "b.js", "c.js"})
	if err != nil {
		t.Fatal(err)
	}
	if want := 2*Brotli(same) + Brotli(text(10)); total != want {
		t.Errorf("Files = %d, want %d", total, want)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("compressed %d times, want 2 (one per distinct content)", n)
	}
	if _, err := m.Files([]string{"a.js", "missing.js"}); err == nil || !strings.Contains(err.Error(), "missing.js") {
		t.Errorf("a missing file: error %v, want one naming it", err)
	}
}
