package csv

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCase is one case of testdata/write.json: records, whether to end
// lines with CRLF, and the text the Writer must produce.
type writeCase struct {
	Name    string
	CRLF    bool
	Records [][]string
	Want    string
}

// loadWriteCases reads testdata/write.json.
func loadWriteCases(tb testing.TB) []writeCase {
	data, err := os.ReadFile(filepath.Join("testdata", "write.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var cases []writeCase
	if err := json.Unmarshal(data, &cases); err != nil {
		tb.Fatal(err)
	}
	return cases
}

// TestWriteCases runs every case of testdata/write.json.
func TestWriteCases(t *testing.T) {
	for _, c := range loadWriteCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			var b strings.Builder
			w := NewWriter(&b)
			w.UseCRLF = c.CRLF
			for _, record := range c.Records {
				if err := w.Write(record); err != nil {
					t.Fatal(err)
				}
			}
			w.Flush()
			if err := w.Error(); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.Want {
				t.Errorf("got  %q\nwant %q", b.String(), c.Want)
			}
		})
	}
}

// TestWriteBuffers checks that nothing reaches the underlying writer before
// Flush or a full buffer, and that a record larger than the buffer is
// written whole.
func TestWriteBuffers(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]string{"a"})
	if b.Len() != 0 {
		t.Fatalf("%d bytes written before Flush", b.Len())
	}
	big := strings.Repeat("x", 3*flushAt)
	w.Write([]string{big, big})
	if want := 2 + 2*len(big) + 2; b.Len() != want {
		t.Fatalf("%d bytes written after a large record, want %d", b.Len(), want)
	}
	w.Flush()
	w.Flush()
	if want := "a\n" + big + "," + big + "\n"; b.String() != want {
		t.Fatalf("wrote %d bytes, want %d", b.Len(), len(want))
	}
}

// TestWriteErrors checks that a failed or short write is kept: Error
// returns it, and so does every later Write, which writes nothing more.
func TestWriteErrors(t *testing.T) {
	broken := errors.New("disk full")
	for _, c := range []struct {
		w    io.Writer
		want error
	}{
		{failingWriter{0, broken}, broken},
		{failingWriter{1, nil}, io.ErrShortWrite},
	} {
		w := NewWriter(c.w)
		if err := w.Write([]string{"a"}); err != nil {
			t.Fatalf("buffered Write failed: %v", err)
		}
		w.Flush()
		if err := w.Error(); err != c.want {
			t.Errorf("Error() = %v, want %v", err, c.want)
		}
		if err := w.Write([]string{strings.Repeat("b", flushAt)}); err != c.want {
			t.Errorf("Write after the error = %v, want %v", err, c.want)
		}
	}
}

// failingWriter writes n bytes of each call and returns err.
type failingWriter struct {
	n   int
	err error
}

// Write writes f.n bytes of p at most and returns f.err.
func (f failingWriter) Write(p []byte) (int, error) { return min(f.n, len(p)), f.err }
