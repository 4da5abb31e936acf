package budget

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"safesource.dev/safesource/generator/internal/work"
)

// Limits are the performance budgets, in brotli-compressed bytes.
type Limits struct {
	GuidePage int // a guide page: HTML + CSS + JS loaded up front
	CheckerJS int // all scripts the /check/ page loads up front
	Wasm      int // each .wasm file
	Precache  int // everything the service worker saves for offline use
}

// SiteLimits are the budgets the build enforces.
var SiteLimits = Limits{GuidePage: 35 * 1024, CheckerJS: 20 * 1024, Wasm: 700 * 1024, Precache: 2 * 1024 * 1024}

// Report is what a budget check measured, and what exceeded a limit.
type Report struct {
	LargestGuide      string // page path of the heaviest guide page
	LargestGuideTotal int
	CheckerJS         int
	Wasm              map[string]int
	Over              []string
}

// Summary is a one-line account of the measurements.
func (r Report) Summary() string {
	parts := []string{fmt.Sprintf("heaviest guide page %s (%s)", KB(r.LargestGuideTotal), r.LargestGuide)}
	if r.CheckerJS > 0 {
		parts = append(parts, "checker JS "+KB(r.CheckerJS))
	}
	for name, n := range r.Wasm {
		parts = append(parts, fmt.Sprintf("%s %s", name[strings.LastIndex(name, "/")+1:], KB(n)))
	}
	return strings.Join(parts, ", ") + " (brotli)"
}

// printDocument is the whole guide as one printable page (/guide/print/).
const printDocument = "guide/print/index.html"

// Check measures the built site in fsys against lim. cacheFile, if not
// empty, keeps measured sizes between builds.
func Check(fsys fs.FS, lim Limits, cacheFile string) (Report, error) {
	m := NewMeter(fsys)
	if cacheFile != "" {
		m.LoadCache(cacheFile)
		defer m.SaveCache(cacheFile)
	}
	return m.Check(lim)
}

// Check measures the meter's site against lim.
func (m *Meter) Check(lim Limits) (Report, error) {
	fsys := m.fsys
	r := Report{Wasm: map[string]int{}}
	guides, err := fs.Glob(fsys, "guide/*/index.html")
	if err != nil {
		return r, err
	}
	guides = append(guides, "guide/index.html")
	// The printable guide is every guide page at once, by design; each page is measured on its own.
	guides = slices.DeleteFunc(guides, func(g string) bool { return g == printDocument })
	// Measure every page on every core; the WebAssembly file, the slowest
	// to compress, starts first.
	wasm, err := fs.Glob(fsys, "assets/*.wasm")
	if err != nil {
		return r, err
	}
	weights := make([]Weight, len(guides))
	if err := work.EachErr(len(wasm)+len(guides), func(i int) (err error) {
		if i < len(wasm) {
			_, err = m.File(wasm[i])
			return err
		}
		g := guides[i-len(wasm)]
		if _, err := fs.Stat(fsys, g); err != nil {
			return nil
		}
		weights[i-len(wasm)], err = m.Page(g)
		return err
	}); err != nil {
		return r, err
	}
	for i, g := range guides {
		w := weights[i]
		if w.Total() > r.LargestGuideTotal {
			r.LargestGuide, r.LargestGuideTotal = "/"+strings.TrimSuffix(g, "index.html"), w.Total()
		}
		if w.Total() > lim.GuidePage {
			r.Over = append(r.Over, fmt.Sprintf("/%s weighs %s (HTML %s + CSS %s + JS %s), over the %s budget for a guide page: trim the page or split it",
				strings.TrimSuffix(g, "index.html"), KB(w.Total()), KB(w.HTML), KB(w.CSS), KB(w.JS), KB(lim.GuidePage)))
		}
	}
	if src, err := fs.ReadFile(fsys, "check/index.html"); err == nil {
		if r.CheckerJS, err = m.Scripts("check/index.html", src); err != nil {
			return r, err
		}
		if r.CheckerJS > lim.CheckerJS {
			r.Over = append(r.Over, fmt.Sprintf("/check/ loads %s of JavaScript, over its %s budget", KB(r.CheckerJS), KB(lim.CheckerJS)))
		}
	}
	sizes, names, err := m.Glob("assets/*.wasm") // measured above: no work left
	if err != nil {
		return r, err
	}
	for _, n := range names {
		r.Wasm[n] = sizes[n]
		if sizes[n] > lim.Wasm {
			r.Over = append(r.Over, fmt.Sprintf("/%s is %s, over the %s WebAssembly budget: look at what fmt, reflect and encoding/json pull in", n, KB(sizes[n]), KB(lim.Wasm)))
		}
	}
	return r, nil
}
