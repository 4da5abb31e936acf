package buildcache

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"unsafe"
)

// A cache file is magic, salt, the entry count, each key and its value as
// the caller's write function encoded it, then the string table (strings
// the values share, stored once) and its offset. Decoding slices every
// string out of one copy of the file, so loading allocates almost nothing:
// the 5,000-page synthetic site's extracted pages (34 MB) took about 1 s to
// load as gob, which builds each string and struct by reflection.
const binaryMagic = "safesource-cache-1\n"

// Encoder appends values to a buffer, or streams them to a writer: a
// 34 MB cache built in memory first cost about a second in growing and
// clearing the buffer.
type Encoder struct {
	buf     []byte
	w       io.Writer // nil: keep everything in buf
	flushed int       // bytes handed to w
	err     error
}

// offset is how many bytes have been encoded.
func (e *Encoder) offset() int { return e.flushed + len(e.buf) }

const spillAt = 64 << 10

// spill hands the buffer to the writer once it is large.
func (e *Encoder) spill() {
	if e.w == nil || len(e.buf) < spillAt {
		return
	}
	e.flush()
}

func (e *Encoder) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.flushed += len(e.buf)
	e.buf = e.buf[:0]
}

// String writes s with its length.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	if e.w != nil && len(s) >= spillAt {
		e.flush()
		if e.err == nil {
			_, e.err = io.WriteString(e.w, s)
		}
		e.flushed += len(s)
		return
	}
	e.buf = append(e.buf, s...)
	e.spill()
}

// Uint writes v in as few bytes as it needs.
func (e *Encoder) Uint(v uint64) {
	e.buf = binary.AppendUvarint(e.buf, v)
	e.spill()
}

// Int writes v.
func (e *Encoder) Int(v int) {
	e.buf = binary.AppendVarint(e.buf, int64(v))
	e.spill()
}

// Bool writes b.
func (e *Encoder) Bool(b bool) {
	if b {
		e.Uint(1)
	} else {
		e.Uint(0)
	}
}

// Bytes is what an Encoder kept in memory holds.
func (e *Encoder) Bytes() []byte { return e.buf }

// Float writes f exactly.
func (e *Encoder) Float(f float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
	e.spill()
}

// Number writes f exactly, in one or two bytes when it is a small
// multiple of a quarter (counts, weights like 0.5), else in nine.
func (e *Encoder) Number(f float64) {
	if q := f * 4; q >= 0 && q < 1<<40 && q == math.Trunc(q) && !math.Signbit(f) {
		e.Uint(uint64(q) << 1)
		return
	}
	e.Uint(1)
	e.Float(f)
}

// StringTable numbers strings so a file stores each once.
type StringTable struct {
	index map[string]uint64
	list  []string
}

// Ref writes s's number in the table (adding s).
func (t *StringTable) Ref(e *Encoder, s string) {
	i, ok := t.index[s]
	if !ok {
		if t.index == nil {
			t.index = map[string]uint64{}
		}
		i = uint64(len(t.list))
		t.index[s] = i
		t.list = append(t.list, s)
	}
	e.Uint(i)
}

// write writes the table.
func (t *StringTable) write(e *Encoder) {
	e.Uint(uint64(len(t.list)))
	for _, s := range t.list {
		e.String(s)
	}
}

// Decoder reads what an Encoder wrote. After the first error every read
// returns a zero value; Err reports the error.
type Decoder struct {
	data string
	off  int
	err  error
}

var errDamaged = errors.New("damaged cache file")

// Err is the first error met, if any.
func (d *Decoder) Err() error { return d.err }

// Fail marks the file damaged, for a value that decoded but makes no sense.
func (d *Decoder) Fail() {
	if d.err == nil {
		d.err = errDamaged
	}
}

// Uint reads a Uint.
func (d *Decoder) Uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; d.off < len(d.data) && shift < 64; shift += 7 {
		c := d.data[d.off]
		d.off++
		if shift == 63 && c > 1 {
			break // more than 64 bits
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.err = errDamaged
	return 0
}

// Int reads an Int.
func (d *Decoder) Int() int {
	u := d.Uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

// Len reads a count of things that each take at least one byte, so a
// damaged count cannot make the caller allocate more than the file holds.
func (d *Decoder) Len() int {
	n := d.Uint()
	if n > uint64(len(d.data)-d.off) {
		d.err = errDamaged
		return 0
	}
	return int(n)
}

// String reads a String (a slice of the file, not a copy).
func (d *Decoder) String() string {
	n := d.Len()
	if d.err != nil {
		return ""
	}
	s := d.data[d.off : d.off+n]
	d.off += n
	return s
}

// Number reads a Number.
func (d *Decoder) Number() float64 {
	u := d.Uint()
	if u == 1 {
		return d.Float()
	}
	if u&1 != 0 {
		d.Fail()
		return 0
	}
	return float64(u>>1) / 4
}

// stringTable reads a table StringTable.write wrote.
func (d *Decoder) stringTable() []string {
	table := make([]string, d.Len())
	for i := range table {
		table[i] = d.String()
	}
	return table
}

// Ref reads a string by its number in table.
func (d *Decoder) Ref(table []string) string {
	i := d.Uint()
	if i >= uint64(len(table)) {
		d.Fail()
		return ""
	}
	return table[i]
}

// Bool reads a Bool.
func (d *Decoder) Bool() bool { return d.Uint() != 0 }

// Float reads a Float.
func (d *Decoder) Float() float64 {
	if d.err != nil || len(d.data)-d.off < 8 {
		d.err = errDamaged
		return 0
	}
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(d.data[d.off+i])
	}
	d.off += 8
	return math.Float64frombits(v)
}

// writeFile writes a file of magic, salt and what write encodes,
// replacing path in one step.
func writeFile(path, salt string, write func(*Encoder)) error {
	return writeAtomic(path, func(w io.Writer) error {
		e := &Encoder{buf: make([]byte, 0, 2*spillAt), w: w}
		e.buf = append(e.buf, binaryMagic...)
		e.String(salt)
		write(e)
		e.flush()
		return e.err
	})
}

// readFile reads a file writeFile wrote with the same salt through read;
// false when it is missing, damaged (read met an error or left bytes over)
// or salted differently.
func readFile(path, salt string, read func(*Decoder)) bool {
	src, err := os.ReadFile(path)
	if err != nil || len(src) < len(binaryMagic) || string(src[:len(binaryMagic)]) != binaryMagic {
		return false
	}
	// The decoded strings are slices of the file's bytes, which nothing
	// writes to after this point: viewing them as a string saves copying
	// the whole file (0.9 s of CPU for the synthetic site's caches).
	d := &Decoder{data: unsafe.String(&src[0], len(src)), off: len(binaryMagic)}
	if d.String() != salt || d.err != nil {
		return false
	}
	read(d)
	return d.err == nil && d.off == len(d.data)
}

// writeTable is writeFile for records that share strings: write them
// through the StringTable, which stores each string once. The table
// follows the records (so they stream to disk as they are encoded), and
// the file ends with the table's offset in 8 bytes.
func writeTable(path, salt string, write func(*Encoder, *StringTable)) error {
	return writeFile(path, salt, func(e *Encoder) {
		var t StringTable
		write(e, &t)
		at := e.offset()
		t.write(e)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, uint64(at))
	})
}

// readTable reads a file writeTable wrote through read, which is given the
// table the records' string numbers refer to.
func readTable(path, salt string, read func(d *Decoder, table []string)) bool {
	return readFile(path, salt, func(d *Decoder) {
		end := len(d.data) - 8
		if end < d.off {
			d.Fail()
			return
		}
		var at uint64
		for i := 7; i >= 0; i-- {
			at = at<<8 | uint64(d.data[end+i])
		}
		if at < uint64(d.off) || at > uint64(end) {
			d.Fail()
			return
		}
		td := &Decoder{data: d.data[:end], off: int(at)}
		table := td.stringTable()
		if td.err != nil || td.off != end {
			d.Fail()
			return
		}
		records := &Decoder{data: d.data[:at], off: d.off}
		read(records, table)
		if records.err != nil || records.off != int(at) {
			d.Fail()
			return
		}
		d.off = len(d.data)
	})
}

// SaveMap writes data with its salt, each value by write (which may store
// strings through the table).
func SaveMap[V any](path, salt string, data map[string]V, write func(*Encoder, *StringTable, V)) error {
	return writeTable(path, salt, func(e *Encoder, t *StringTable) {
		e.Uint(uint64(len(data)))
		for k, v := range data {
			e.String(k)
			write(e, t, v)
		}
	})
}

// LoadMap reads a file SaveMap wrote with the same salt, each value by
// read; false when it is missing, damaged or salted differently.
func LoadMap[V any](path, salt string, read func(d *Decoder, table []string) V) (map[string]V, bool) {
	var data map[string]V
	ok := readTable(path, salt, func(d *Decoder, table []string) {
		n := d.Len()
		data = make(map[string]V, n)
		for i := 0; i < n && d.err == nil; i++ {
			k := d.String()
			data[k] = read(d, table)
		}
	})
	if !ok {
		return nil, false
	}
	return data, true
}
