// Package budget measures what a page costs on the wire (brotli-compressed,
// as the CDN serves it) and enforces the site's performance budgets.
package budget

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"safesource.dev/safesource/generator/internal/buildcache"
	"safesource.dev/safesource/generator/internal/outfs"
	"safesource.dev/safesource/generator/internal/work"
)

// Weight is a page's brotli-compressed size by kind of resource.
type Weight struct {
	HTML, CSS, JS int
}

// Total is the sum of all parts.
func (w Weight) Total() int { return w.HTML + w.CSS + w.JS }

// Brotli returns the size of data compressed at the quality CDNs use for
// static files (11). The window is fitted to the data, up to the default
// 4 MB: the encoder sizes its hash tables by the window, so a 20 KB page
// compressed with a 4 MB window spent most of its time clearing memory.
// Measured on the site's 206 files: 1.8 times faster, and 140 bytes more in
// all (0.02%, the window size in each stream's header).
func Brotli(data []byte) int {
	return len(compressBrotli(data))
}

func compressBrotli(data []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: window(len(data))})
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	return buf.Bytes()
}

// window is the brotli window (log2 of its size) that holds n bytes: the
// window is 2^lgwin - 16 bytes, from 2^10 up to the encoder's default 2^22.
func window(n int) int {
	return min(max(bits.Len(uint(n+16)), 10), 22)
}

// Meter measures files of a built site, caching each file's size. It is
// safe for concurrent use.
type Meter struct {
	fsys fs.FS
	// compress is Brotli; tests count its calls.
	compress func([]byte) int

	files      work.Memo[string, int] // by path from the site root: once however many pages load a file
	compressed work.Memo[string, int] // by content hash: once however many files share it

	mu sync.Mutex
	// byHash remembers sizes across builds by content hash: compressing the
	// 2.4 MB WebAssembly file at quality 11 takes seconds, and a rebuild
	// leaves most pages byte-identical.
	byHash map[string]int
	used   map[string]int // the entries of byHash this run needed: what is saved
}

// NewMeter measures files in fsys (the built site's root).
func NewMeter(fsys fs.FS) *Meter {
	return &Meter{fsys: fsys, compress: Brotli, byHash: map[string]int{}, used: map[string]int{}}
}

// LoadCache reads sizes measured by earlier builds; a missing or unreadable
// cache only means measuring again.
func (m *Meter) LoadCache(file string) {
	if data, err := os.ReadFile(file); err == nil {
		_ = json.Unmarshal(data, &m.byHash)
	}
}

// maxCached bounds the cache file: past it, only the sizes the latest run
// needed are kept.
const maxCached = 20000

// SaveCache writes the sizes for the next build: those this run needed,
// plus the earlier ones (other sites may share the file) while the cache
// stays under maxCached entries. The file is replaced in one step, so
// builds running at once never read a half-written cache.
func (m *Meter) SaveCache(file string) error {
	m.mu.Lock()
	keep := m.used
	if len(m.byHash) <= maxCached {
		keep = m.byHash
	}
	data, err := json.Marshal(keep)
	m.mu.Unlock()
	if err != nil {
		return err
	}
	return buildcache.WriteAtomic(file, data)
}

// size returns the brotli size of data (whose SHA-256 is sum),
// compressing only content not measured before, and each content once
// however many callers ask for it at the same time.
func (m *Meter) size(data []byte, sum [sha256.Size]byte) int {
	key := hex.EncodeToString(sum[:])
	m.mu.Lock()
	n, ok := m.byHash[key]
	m.mu.Unlock()
	if !ok {
		n, _ = m.compressed.Get(key, func() (int, error) { return m.compress(data), nil })
	}
	m.mu.Lock()
	m.byHash[key] = n
	m.used[key] = n
	m.mu.Unlock()
	return n
}

// Files returns the total brotli size of the named files, measured on
// every core.
func (m *Meter) Files(names []string) (int, error) {
	sizes := make([]int, len(names))
	if err := work.EachErr(len(names), func(i int) (err error) {
		sizes[i], err = m.File(names[i])
		return err
	}); err != nil {
		return 0, err
	}
	total := 0
	for _, n := range sizes {
		total += n
	}
	return total, nil
}

// File returns the brotli size of one file, by path from the site root.
func (m *Meter) File(name string) (int, error) {
	name = strings.TrimPrefix(name, "/")
	return m.files.Get(name, func() (int, error) {
		data, sum, err := outfs.ReadSum(m.fsys, name)
		if err != nil {
			return 0, err
		}
		return m.size(data, sum), nil
	})
}

var (
	stylesheetRe = regexp.MustCompile(`<link[^>]+rel=["']?stylesheet[^>]*>`)
	scriptRe     = regexp.MustCompile(`<script[^>]+src=["']?([^"' >]+)`)
	hrefRe       = regexp.MustCompile(`href=["']?([^"' >]+)`)
)

// Page measures the HTML of page (a file path such as guide/x/index.html)
// plus the stylesheets and scripts it loads up front. Resources fetched
// later on demand (the WebAssembly checker, the search index) are not
// counted here; they have budgets of their own.
func (m *Meter) Page(page string) (Weight, error) {
	src, sum, err := outfs.ReadSum(m.fsys, page)
	if err != nil {
		return Weight{}, err
	}
	w := Weight{HTML: m.size(src, sum)}
	for _, tag := range stylesheetRe.FindAll(src, -1) {
		if h := hrefRe.FindSubmatch(tag); h != nil {
			n, err := m.File(string(h[1]))
			if err != nil {
				return w, fmt.Errorf("%s: stylesheet %s: %w", page, h[1], err)
			}
			w.CSS += n
		}
	}
	w.JS, err = m.Scripts(page, src)
	return w, err
}

// Scripts returns the brotli size of the scripts page loads, including the
// modules they import statically (esbuild may split shared code).
func (m *Meter) Scripts(page string, src []byte) (int, error) {
	total := 0
	for _, s := range scriptRe.FindAllSubmatch(src, -1) {
		n, err := m.File(string(s[1]))
		if err != nil {
			return 0, fmt.Errorf("%s: script %s: %w", page, s[1], err)
		}
		total += n
	}
	return total, nil
}

// Glob returns the brotli sizes of the files matching pattern (fs.Glob
// syntax), sorted by name.
func (m *Meter) Glob(pattern string) (map[string]int, []string, error) {
	names, err := fs.Glob(m.fsys, pattern)
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	out := make(map[string]int, len(names))
	for _, n := range names {
		if out[n], err = m.File(n); err != nil {
			return nil, nil, err
		}
	}
	return out, names, nil
}

// KB formats a byte count as kilobytes with one decimal.
func KB(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
