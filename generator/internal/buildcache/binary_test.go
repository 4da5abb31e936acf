package buildcache

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
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
}

func encodeSample(e *Encoder, s sample) {
	e.String(s.Name)
	e.Int(s.Count)
	e.Uint(s.Big)
	e.Bool(s.Ok)
	e.Float(s.Score)
	e.Uint(uint64(len(s.Tags)))
	for _, t := range s.Tags {
		e.String(t)
	}
}

func decodeSample(d *Decoder) sample {
	s := sample{Name: d.String(), Count: d.Int(), Big: d.Uint(), Ok: d.Bool(), Score: d.Float()}
	if n := d.Len(); n > 0 {
		s.Tags = make([]string, n)
		for i := range s.Tags {
			s.Tags[i] = d.String()
		}
	}
	return s
}

// Values come back exactly; a file of another salt, a truncated file (at
// every length), trailing bytes and a gob file all load as nothing.
func TestBinaryRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.bin")
	data := map[string]sample{
		"a":         {Name: "Escrow", Count: -42, Big: math.MaxUint64, Ok: true, Score: 0.3, Tags: []string{"x", "", "营业执照"}},
		"":          {},
		"b\x00\xff": {Name: string(make([]byte, 300)), Count: math.MinInt64 + 1, Score: math.Inf(-1)},
	}
	if err := SaveBinary(path, "v1", data, encodeSample); err != nil {
		t.Fatal(err)
	}
	got, ok := LoadBinary(path, "v1", decodeSample)
	if !ok || !reflect.DeepEqual(got, data) {
		t.Fatalf("round trip: %+v (%v), want %+v", got, ok, data)
	}
	if _, ok := LoadBinary(path, "v2", decodeSample); ok {
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
		if _, ok := LoadBinary(damaged, "v1", decodeSample); ok {
			t.Fatalf("a file cut at %d of %d bytes loaded", n, len(full))
		}
	}
	if err := os.WriteFile(damaged, append(full, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadBinary(damaged, "v1", decodeSample); ok {
		t.Error("a file with trailing bytes loaded")
	}
	if err := WriteAtomic(damaged, []byte("\x0e\xff\x81\x02\x01\x02\xff\x82\x00\x01\x0c\x01\x0c\x00\x00")); err != nil {
		t.Fatal(err)
	}
	if _, ok := LoadBinary(damaged, "v1", decodeSample); ok {
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
	if err := SaveBinary(path, "v1", data, encodeSample); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info == nil || info.Size() < 4*spillAt {
		t.Fatalf("the file is %v, want several buffers' worth", info)
	}
	if got, ok := LoadBinary(path, "v1", decodeSample); !ok || !reflect.DeepEqual(got, data) {
		t.Errorf("a large file did not read back (loaded: %v, %d entries)", ok, len(got))
	}
}
