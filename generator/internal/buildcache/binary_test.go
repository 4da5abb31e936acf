package buildcache

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type sample struct {
	Name  string
	Count int
	Big   uint64
	Ok    bool
	Score float64
	Tags  []string
	Nums  []float64
}

func encodeSample(e *Encoder, _ *StringTable, s sample) {
	e.String(s.Name)
	e.Int(s.Count)
	e.Uint(s.Big)
	e.Bool(s.Ok)
	e.Float(s.Score)
	e.Uint(uint64(len(s.Tags)))
	for _, t := range s.Tags {
		e.String(t)
	}
	e.Uint(uint64(len(s.Nums)))
	for _, n := range s.Nums {
		e.Number(n)
	}
}

func decodeSample(d *Decoder, _ []string) sample {
	s := sample{Name: d.String(), Count: d.Int(), Big: d.Uint(), Ok: d.Bool(), Score: d.Float()}
	if n := d.Len(); n > 0 {
		s.Tags = make([]string, n)
		for i := range s.Tags {
			s.Tags[i] = d.String()
		}
	}
	if n := d.Len(); n > 0 {
		s.Nums = make([]float64, n)
		for i := range s.Nums {
			s.Nums[i] = d.Number()
		}
	}
	return s
}

// Values come back exactly; a file of another salt, a truncated file (at
// every length), trailing bytes and a file of another format all load as
// nothing.
func TestBinaryRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.bin")
	data := map[string]sample{
		"a": {Name: "Escrow", Count: -42, Big: math.MaxUint64, Ok: true, Score: 0.3, Tags: []string{"x", "", "营业执照"},
			Nums: []float64{0, 1, 0.25, 2.4, 0.8 * 3, 1 << 41, -1, math.Copysign(0, -1), 1.5, math.Inf(1), 1e-300}},
		"":          {},
		"b\x00\xff": {Name: string(make([]byte, 300)), Count: math.MinInt64 + 1, Score: math.Inf(-1)},
	}
	if err := SaveMap(path, "v1", data, encodeSample); err != nil {
		t.Fatal(err)
	}
	got, ok := LoadMap(path, "v1", decodeSample)
	if !ok || !reflect.DeepEqual(got, data) {
		t.Fatalf("round trip: %+v (%v), want %+v", got, ok, data)
	}
	if !math.Signbit(got["a"].Nums[7]) {
		t.Error("-0 came back as +0")
	}
	if _, ok := LoadMap(path, "v2", decodeSample); ok {
		t.Error("a file with another salt loaded")
	}
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(t.TempDir(), "damaged.bin")
	for n := 0; n < len(full); n++ {
		if err := os.WriteFile(damaged, full[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := LoadMap(damaged, "v1", decodeSample); ok {
			t.Fatalf("a file cut at %d of %d bytes loaded", n, len(full))
		}
	}
	if err := os.WriteFile(damaged, append(full, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadMap(damaged, "v1", decodeSample); ok {
		t.Error("a file with trailing bytes loaded")
	}
	if err := WriteAtomic(damaged, []byte("\x0e\xff\x81\x02\x01\x02\xff\x82\x00\x01\x0c\x01\x0c\x00\x00")); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadMap(damaged, "v1", decodeSample); ok {
		t.Error("a file of another format loaded")
	}
}

// A count larger than the file could hold is refused before anything is
// allocated for it.
func TestBinaryHugeCount(t *testing.T) {
	e := &Encoder{}
	e.Uint(math.MaxUint64 >> 1)
	d := &Decoder{data: string(e.buf)}
	if n := d.Len(); n != 0 || d.Err() == nil {
		t.Errorf("a count of %d in a %d-byte file: %d, %v; want an error", uint64(math.MaxUint64>>1), len(e.buf), n, d.Err())
	}
	for _, v := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02"} {
		if d := (&Decoder{data: v}); d.Uint() != 0 || d.Err() == nil {
			t.Errorf("a varint longer than 64 bits (%q) decoded", v)
		}
	}
	max := &Decoder{data: "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"}
	if v := max.Uint(); v != math.MaxUint64 || max.Err() != nil {
		t.Errorf("the largest varint: %d, %v", v, max.Err())
	}
}

// A file larger than the encoder's buffer (streamed to disk in parts, with
// strings longer than a part) reads back exactly.
func TestBinaryLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.bin")
	data := map[string]sample{"long": {Name: strings.Repeat("escrow ", 40_000), Tags: []string{strings.Repeat("x", spillAt)}}}
	for i := range 20_000 {
		data[strconv.Itoa(i)] = sample{Name: "page " + strconv.Itoa(i), Count: i, Score: float64(i) / 7, Tags: []string{"a", "b"}}
	}
	if err := SaveMap(path, "v1", data, encodeSample); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info == nil || info.Size() < 4*spillAt {
		t.Fatalf("the file is %v, want several buffers' worth", info)
	}
	if got, ok := LoadMap(path, "v1", decodeSample); !ok || !reflect.DeepEqual(got, data) {
		t.Errorf("a large file did not read back (loaded: %v, %d entries)", ok, len(got))
	}
}

// Records that share strings through the table (which follows them in the
// file) read back; a file cut short anywhere, or whose table offset points
// elsewhere, loads as nothing.
func TestBinaryTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "table.bin")
	words := []string{"escrow", "deposit", "escrow", strings.Repeat("long ", 20_000), "deposit"}
	for range 5 {
		words = append(words, words...)
	}
	err := writeTable(path, "v1", func(e *Encoder, tab *StringTable) {
		e.Uint(uint64(len(words)))
		for _, w := range words {
			tab.Ref(e, w)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(path string) ([]string, bool) {
		var got []string
		ok := readTable(path, "v1", func(d *Decoder, table []string) {
			got = make([]string, d.Len())
			for i := range got {
				got[i] = d.Ref(table)
			}
		})
		return got, ok
	}
	if got, ok := read(path); !ok || !slices.Equal(got, words) {
		t.Fatalf("round trip: %d words (%v), want %d", len(got), ok, len(words))
	}
	full, _ := os.ReadFile(path)
	if len(full) > 200_000 {
		t.Errorf("the file is %d bytes: the long string was stored more than once", len(full))
	}
	bad := filepath.Join(t.TempDir(), "bad.bin")
	for n := 0; n < len(full); n += 1 + n/64 {
		if err := os.WriteFile(bad, full[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := read(bad); ok {
			t.Fatalf("a file cut at %d of %d bytes loaded", n, len(full))
		}
	}
	for _, at := range []uint64{0, 3, uint64(len(full)), math.MaxUint64} {
		moved := append([]byte(nil), full...)
		for i := range 8 {
			moved[len(moved)-8+i] = byte(at >> (8 * i))
		}
		if err := os.WriteFile(bad, moved, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := read(bad); ok {
			t.Errorf("a table offset of %d loaded", at)
		}
	}
}
