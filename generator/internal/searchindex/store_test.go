package searchindex

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// storeBuild builds and writes pages into out with the store in dir.
func storeBuild(t *testing.T, dir, out string, pages []Page) (*Index, *Store) {
	t.Helper()
	s, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := Build(pages, Options{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Write(out); err != nil {
		t.Fatal(err)
	}
	if err := s.Prune(); err != nil {
		t.Fatal(err)
	}
	return idx, s
}

// sameOutput fails unless out holds exactly plain's files.
func sameOutput(t *testing.T, round string, out string, plain *Index) {
	t.Helper()
	for name, f := range plain.Files {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s: %s differs from a build without the store (%v)", round, name, err)
		}
	}
}

// Stored files come back byte for byte and are linked, not written; a
// build with the store writes the same index as one without; the store
// keeps only the last build's files; a file edited in place through its
// link is never reused; a store of another compressor is emptied.
func TestStore(t *testing.T) {
	tmp := t.TempDir()
	dir, out := filepath.Join(tmp, "store"), filepath.Join(tmp, "public", "search-index")
	pages := []Page{
		{URL: "/a/", Title: "Escrow", Group: "guide", Sections: []Section{{Anchor: "", Title: "Escrow", Text: "Pay through escrow."}}},
		{URL: "/b/", Title: "Deposits", Group: "guide", Sections: []Section{{Anchor: "", Title: "Deposits", Text: "Keep deposits small."}}},
	}
	plain, err := Build(pages, Options{})
	if err != nil {
		t.Fatal(err)
	}

	first, s := storeBuild(t, dir, out, pages)
	if len(s.have) != 0 || first.Build != plain.Build || first.Stats.Bytes != plain.Stats.Bytes {
		t.Fatalf("first build: %d files found stored, build %s (%d bytes), want 0 and %s (%d bytes)", len(s.have), first.Build, first.Stats.Bytes, plain.Build, plain.Stats.Bytes)
	}
	sameOutput(t, "first build", out, plain)

	second, s := storeBuild(t, dir, out, pages)
	if len(s.have) != len(plain.Files) || second.Build != plain.Build || second.Stats.Bytes != plain.Stats.Bytes {
		t.Fatalf("second build: %d files stored, build %s (%d bytes), want %d and %s (%d bytes)", len(s.have), second.Build, second.Stats.Bytes, len(plain.Files), plain.Build, plain.Stats.Bytes)
	}
	for name, f := range second.Files {
		if f.Data != nil {
			t.Errorf("second build: %s was compressed again", name)
		}
		linked, _ := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		stored, _ := os.Stat(f.stored)
		if linked == nil || stored == nil || !os.SameFile(linked, stored) {
			t.Errorf("second build: %s is not a link to the stored file", name)
		}
	}
	sameOutput(t, "second build", out, plain)

	// A build of one page: the other page's fragment leaves the store.
	onePlain, _ := Build(pages[:1], Options{})
	storeBuild(t, dir, out, pages[:1])
	if s, _ := OpenStore(dir); len(s.have) != len(onePlain.Files) {
		t.Errorf("after a build of one page the store keeps %d files, want %d", len(s.have), len(onePlain.Files))
	}

	// Edited in place through its link in the output: dropped, and the
	// next build writes the right bytes.
	frag := filepath.Join(out, filepath.FromSlash(onePlain.Build+"/f/0.sfrag"))
	if err := os.WriteFile(frag, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, s := storeBuild(t, dir, out, pages[:1])
	if len(s.have) != len(onePlain.Files)-1 || idx.Files[onePlain.Build+"/f/0.sfrag"].Data == nil {
		t.Errorf("an edited stored file was reused (%d files found stored)", len(s.have))
	}
	sameOutput(t, "after an edit", out, onePlain)

	if err := os.WriteFile(filepath.Join(dir, "SALT"), []byte("another compressor"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, _ := OpenStore(dir); len(s.have) != 0 {
		t.Errorf("a store of another compressor kept %d files", len(s.have))
	}
}

// A stored file that cannot be linked (gone, or on another file system)
// is copied, and one that is gone is reported with the fix.
func TestStoreWriteFallback(t *testing.T) {
	tmp := t.TempDir()
	s, err := OpenStore(filepath.Join(tmp, "store"))
	if err != nil {
		t.Fatal(err)
	}
	err = s.write(filepath.Join(tmp, "out"), File{key: "k", stored: filepath.Join(tmp, "store", "gone")})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("delete "+filepath.Join(tmp, "store"))) {
		t.Errorf("a missing stored file: %v, want an error naming the store to delete", err)
	}
}
