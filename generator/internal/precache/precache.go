// Package precache lists what the service worker saves for offline use and
// bundles the worker with that list built in.
//
// The list (the manifest) holds every file of the built site by the URL a
// browser asks for, with a hash of its content; the manifest's own hash is
// the version. The worker caches one version as a whole, so a deploy that
// changes any file changes the worker's bytes, which is how browsers notice
// an update.
package precache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"safesource.dev/safesource/generator/internal/outfs"
	"safesource.dev/safesource/generator/internal/work"
)

// WorkerFile is where the service worker is served from: the site root, so
// its scope is the whole site.
const WorkerFile = "sw.js"

// hashLen is how many hex digits of SHA-256 identify a file's content.
const hashLen = 16

// Entry is one precached file.
type Entry struct {
	URL  string // root-relative URL, e.g. /guide/ for guide/index.html
	File string // path from the site root, e.g. guide/index.html
	Hash string // first hex digits of the SHA-256 of the content
	Size int    // bytes on disk
}

// Manifest is the list of precached files and the version it makes.
type Manifest struct {
	Version string
	Entries []Entry
}

// Bytes is the total size of the precached files on disk.
func (m Manifest) Bytes() int {
	n := 0
	for _, e := range m.Entries {
		n += e.Size
	}
	return n
}

// Collect lists every file of the built site in fsys except the worker
// itself and those skip names, sorted by URL. Each of skip is a slash path
// from the root or a pattern of them, as path.Match reads it
// ("search-index/*/z/*"). Files left out are not saved for offline use;
// online, the worker lets the browser fetch them as usual.
func Collect(fsys fs.FS, skip []string) (Manifest, error) {
	skipped := map[string]bool{WorkerFile: true}
	var patterns []string
	for _, s := range skip {
		s = strings.TrimPrefix(s, "/")
		if _, err := path.Match(s, ""); err != nil {
			return Manifest{}, fmt.Errorf("files left out of the offline copy: %q: %w", s, err)
		}
		skipped[s] = true
		if strings.ContainsAny(s, `*?[\`) {
			patterns = append(patterns, s)
		}
	}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !skipped[p] && !slices.ContainsFunc(patterns, func(pat string) bool { ok, _ := path.Match(pat, p); return ok }) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return Manifest{}, fmt.Errorf("listing the built site: %w", err)
	}
	// Read and hashed on every core: a large site is thousands of files.
	m := Manifest{Entries: make([]Entry, len(files))}
	if err := work.EachErr(len(files), func(i int) error {
		data, sum, err := outfs.ReadSum(fsys, files[i])
		if err != nil {
			return fmt.Errorf("listing the built site: %w", err)
		}
		m.Entries[i] = Entry{URL: URLOf(files[i]), File: files[i], Hash: hex.EncodeToString(sum[:])[:hashLen], Size: len(data)}
		return nil
	}); err != nil {
		return Manifest{}, err
	}
	if len(m.Entries) == 0 {
		return Manifest{}, fmt.Errorf("the built site is empty: run the build first")
	}
	sort.Slice(m.Entries, func(i, j int) bool { return m.Entries[i].URL < m.Entries[j].URL })
	h := sha256.New()
	for _, e := range m.Entries {
		fmt.Fprintf(h, "%s %s\n", e.URL, e.Hash)
	}
	m.Version = hex.EncodeToString(h.Sum(nil))[:hashLen]
	return m, nil
}

// URLOf maps a file to the URL it is served at: guide/index.html → /guide/.
func URLOf(file string) string {
	p := "/" + file
	if path.Base(p) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
	}
	return (&url.URL{Path: p}).EscapedPath()
}

// workerManifest is the manifest as the worker reads it (see the theme's
// ts/lib/offline-protocol.ts).
type workerManifest struct {
	Version string      `json:"version"`
	Files   [][2]string `json:"files"`
}

// JSON is the manifest in the form the worker reads: the version and
// [url, hash] pairs.
func (m Manifest) JSON() ([]byte, error) {
	w := workerManifest{Version: m.Version, Files: make([][2]string, len(m.Entries))}
	for i, e := range m.Entries {
		w.Files[i] = [2]string{e.URL, e.Hash}
	}
	return json.Marshal(w)
}

// Bundle compiles the worker's TypeScript entry with esbuild (the version
// Hugo pins, so it matches the rest of the theme's scripts), replacing the
// global PRECACHE with the manifest.
func Bundle(entry string, m Manifest) ([]byte, error) {
	manifest, err := m.JSON()
	if err != nil {
		return nil, err
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{entry},
		Bundle:            true,
		Write:             false,
		Outfile:           WorkerFile,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Define:            map[string]string{"PRECACHE": string(manifest)},
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := make([]string, 0, len(res.Errors))
		for _, e := range res.Errors {
			where := entry
			if e.Location != nil {
				where = fmt.Sprintf("%s:%d:%d", e.Location.File, e.Location.Line, e.Location.Column)
			}
			msgs = append(msgs, fmt.Sprintf("%s: %s", where, e.Text))
		}
		return nil, fmt.Errorf("bundling the service worker: %s", strings.Join(msgs, "; "))
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundling the service worker: esbuild wrote %d files, expected 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

// Holds reports whether a bundled worker carries manifest m (a worker built
// before public/ last changed carries another version).
func Holds(worker []byte, m Manifest) bool {
	return m.Version != "" && strings.Contains(string(worker), `"`+m.Version+`"`)
}
