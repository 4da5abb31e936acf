package searchindex

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Store keeps the compressed index files between builds in a folder, one
// file per hash of the JSON it holds. A rebuild neither compresses nor
// writes an unchanged file again: Write hard-links it into the output, and
// nothing is read. (On the machine BENCHMARKS.md describes, creating 6,000
// small files took 1.27 s and linking them 0.06 s.) Every output file of a
// build id keeps its content, so the fixed time below never lets a server
// answer "not modified" for changed bytes.
//
// Every stored file has the modification time storedTime: one edited in
// place (through its link in the output) gets a new time and is dropped
// when the store is next opened, so a changed file never reaches a build.
// A nil *Store compresses everything and keeps nothing.
type Store struct {
	dir  string
	mu   sync.Mutex
	have map[string]int64 // key → size, of the files found at Open
	used map[string]bool
}

// storeSalt names the compressor. A folder written by another is emptied:
// its bytes would differ from what this build writes.
const storeSalt = "klauspost/compress gzip level 7, v1"

var storedTime = time.Unix(1, 0)

// OpenStore opens (creating if needed) the store in dir.
func OpenStore(dir string) (*Store, error) {
	s := &Store{dir: dir, have: map[string]int64{}, used: map[string]bool{}}
	saltFile := filepath.Join(dir, "SALT")
	if salt, err := os.ReadFile(saltFile); err != nil || string(salt) != storeSalt {
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("clearing the search file store: %w", err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		return s, os.WriteFile(saltFile, []byte(storeSalt), 0o644)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if len(e.Name()) != 2*sha256.Size {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if !info.ModTime().Equal(storedTime) {
			_ = os.Remove(filepath.Join(dir, e.Name())) // changed since stored
			continue
		}
		s.have[e.Name()] = info.Size()
	}
	return s, nil
}

// Prune removes the files this build did not use, so the store holds one
// build's files.
func (s *Store) Prune() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for key := range s.have {
		if !s.used[key] {
			if err := os.Remove(filepath.Join(s.dir, key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// File is one compressed file of the index: its bytes, or the stored file
// that holds them.
type File struct {
	key    string // hex SHA-256 of the JSON
	Data   []byte // nil when stored
	stored string
	size   int
}

// gzJSON compresses v's JSON, or finds it in the store.
func (s *Store) gzJSON(v any) (File, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return File{}, err
	}
	h := sha256.Sum256(raw)
	key := hex.EncodeToString(h[:])
	if s != nil {
		s.mu.Lock()
		size, ok := s.have[key]
		s.used[key] = true
		s.mu.Unlock()
		if ok {
			return File{key: key, stored: filepath.Join(s.dir, key), size: int(size)}, nil
		}
	}
	data, err := gzBytes(raw)
	return File{key: key, Data: data, size: len(data)}, err
}

// write puts f at path: a link to the stored file, or its bytes (then
// linked into the store for the next build).
func (s *Store) write(path string, f File) error {
	if f.Data == nil {
		if os.Link(f.stored, path) == nil {
			return nil
		}
		// Another file system, or the stored file went away: copy it.
		data, err := os.ReadFile(f.stored)
		if err != nil {
			return fmt.Errorf("reading %s from the search file store: %w (delete %s and build again)", f.key, err, s.dir)
		}
		return os.WriteFile(path, data, 0o644)
	}
	if err := os.WriteFile(path, f.Data, 0o644); err != nil {
		return err
	}
	if s != nil {
		// A store that cannot take the file only costs time next build.
		if os.Chtimes(path, storedTime, storedTime) == nil {
			_ = os.Link(path, filepath.Join(s.dir, f.key))
		}
	}
	return nil
}
