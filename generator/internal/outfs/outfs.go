// Package outfs reads a built site's HTML pages once for all the stages
// that read them. The search index, the output check and the offline
// manifest each read and hash every page; at 5,000 pages that was three
// reads and three SHA-256 sums of every file.
package outfs

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path"

	"safesource.dev/safesource/generator/internal/work"
)

// FS is a built site (an os.DirFS) whose HTML files are kept in memory,
// with their SHA-256, after the first read. Only HTML is kept: nothing
// writes a page after Hugo, while the search stage writes its own files.
type FS struct {
	fs.FS
	pages work.Memo[string, page]
}

type page struct {
	data []byte
	sum  [sha256.Size]byte
}

// New opens the site in dir.
func New(dir string) *FS {
	return &FS{FS: os.DirFS(dir)}
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
		return page{data, sha256.Sum256(data)}, err
	})
	return p.data, p.sum, err
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
