// Package outfs reads a built site's HTML pages once for all the stages
// that read them. The search index, the output check and the offline
// manifest each read and hash every page; at 5,000 pages that was three
// reads and three SHA-256 sums of every file.
//
// A build also rewrites each page at that first read (New's rewrite: the
// language marks of Chinese text), so every stage, and the offline
// manifest's hashes, see the page as it is published.
package outfs

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync/atomic"
	"time"

	"safesource.dev/safesource/generator/internal/work"
)

// FS is a built site (an os.DirFS) whose HTML files are kept in memory,
// with their SHA-256, after the first read. Only HTML is kept: nothing
// else writes a page after Hugo, while the search stage writes its own files.
type FS struct {
	fs.FS
	dir     string
	rewrite Rewrite
	// rewriteNs adds up the time spent in rewritePage (RewriteTime).
	rewriteNs atomic.Int64
	pages     work.Memo[string, page]
}

// Rewrite returns a page as it is to be published and whether that differs
// from what it was given.
type Rewrite func(page []byte) ([]byte, bool, error)

type page struct {
	data []byte
	sum  [sha256.Size]byte
}

// New opens the site in dir. rewrite, if not nil, is applied to each page
// at its first read; a page it changes is written back in place.
func New(dir string, rewrite Rewrite) *FS {
	return &FS{FS: os.DirFS(dir), dir: dir, rewrite: rewrite}
}

// ReadDir lists a folder (so fs.WalkDir does not open it as a file).
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.FS, name) }

// ReadFile reads name, from memory when it is a page read before.
func (f *FS) ReadFile(name string) ([]byte, error) {
	data, _, err := f.readSum(name)
	return data, err
}

func (f *FS) readSum(name string) ([]byte, [sha256.Size]byte, error) {
	if path.Ext(name) != ".html" {
		data, err := fs.ReadFile(f.FS, name)
		return data, sha256.Sum256(data), err
	}
	p, err := f.pages.Get(name, func() (page, error) {
		data, err := fs.ReadFile(f.FS, name)
		if err == nil && f.rewrite != nil {
			data, err = f.rewritePage(name, data)
		}
		return page{data, sha256.Sum256(data)}, err
	})
	return p.data, p.sum, err
}

// RewriteTime is the CPU time spent rewriting pages so far (marking and
// writing back), summed over the threads that did it (wall time where the
// system does not report a thread's CPU time).
func (f *FS) RewriteTime() time.Duration { return time.Duration(f.rewriteNs.Load()) }

func (f *FS) rewritePage(name string, data []byte) (out []byte, err error) {
	f.rewriteNs.Add(int64(measure(func() { out, err = f.rewriteAndWrite(name, data) })))
	return out, err
}

func (f *FS) rewriteAndWrite(name string, data []byte) ([]byte, error) {
	out, changed, err := f.rewrite(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !changed {
		return data, nil
	}
	// Written in place: nothing else reads the output folder while the
	// stages after Hugo run (they read each page once, through this FS), and
	// a build that stops half way fails, so nothing is published from it.
	// A temporary file renamed over the page cost twice the system time.
	if err := os.WriteFile(filepath.Join(f.dir, filepath.FromSlash(name)), out, 0o644); err != nil {
		return nil, fmt.Errorf("rewriting %s: %w", name, err)
	}
	return out, nil
}

// ReadSum reads name from fsys with its SHA-256, which an *FS computes once
// per page. The bytes must not be changed: other stages share them.
func ReadSum(fsys fs.FS, name string) ([]byte, [sha256.Size]byte, error) {
	if f, ok := fsys.(*FS); ok {
		return f.readSum(name)
	}
	data, err := fs.ReadFile(fsys, name)
	return data, sha256.Sum256(data), err
}
