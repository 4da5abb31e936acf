package csv

import (
	"bufio"
	"bytes"
	stdcsv "encoding/csv"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchRows is the size of the checker's batch benchmark: 200,000 profiles.
const benchRows = 200_000

// profileCSV is a synthetic CSV of benchRows profiles shaped like the
// checker's: 29 columns of names, choices, ";"-separated lists and
// numbers, about a fifth of them empty, and one name in 50 quoted because
// it holds a comma.
var profileCSV = sync.OnceValue(func() []byte {
	rng := rand.New(rand.NewPCG(23, 4))
	choices := []string{"yes", "no", "unknown", "alibaba", "1688", "passed", "not_requested", "platform_escrow"}
	items := []string{"verified_supplier", "trade_assurance", "chengxintong", "deep_factory_audit", "brand_authorization"}
	var b bytes.Buffer
	w := stdcsv.NewWriter(&b)
	row := make([]string, 29)
	for i := range row {
		row[i] = "field_" + strconv.Itoa(i)
	}
	w.Write(row)
	for n := range benchRows {
		for i := range row {
			row[i] = ""
			if rng.IntN(5) == 0 {
				continue
			}
			switch i % 4 {
			case 0:
				row[i] = "Supplier " + strconv.Itoa(n)
				if rng.IntN(50) == 0 {
					row[i] += ", Ltd"
				}
			case 1:
				row[i] = choices[rng.IntN(len(choices))]
			case 2:
				var list []string
				for _, item := range items {
					if rng.IntN(3) == 0 {
						list = append(list, item)
					}
				}
				row[i] = strings.Join(list, ";")
			default:
				row[i] = strconv.FormatFloat(float64(rng.IntN(2000000))/100, 'f', -1, 64)
			}
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
})

// profileRecords is profileCSV read into records, for the write benchmarks.
var profileRecords = sync.OnceValue(func() [][]string {
	records, err := stdcsv.NewReader(bytes.NewReader(profileCSV())).ReadAll()
	if err != nil {
		panic(err)
	}
	return records
})

// readOwn and readStd read every record as the checker's profile reader
// does (TrimLeadingSpace, ReuseRecord), with this package and encoding/csv.
func readOwn(tb testing.TB, data []byte) {
	r := NewReader(bytes.NewReader(data))
	r.TrimLeadingSpace, r.ReuseRecord = true, true
	for {
		if _, err := r.Read(); err == io.EOF {
			return
		} else if err != nil {
			tb.Fatal(err)
		}
	}
}

func readStd(tb testing.TB, data []byte) {
	r := stdcsv.NewReader(bytes.NewReader(data))
	r.TrimLeadingSpace, r.ReuseRecord = true, true
	for {
		if _, err := r.Read(); err == io.EOF {
			return
		} else if err != nil {
			tb.Fatal(err)
		}
	}
}

// writeOwn and writeStd write every record with CRLF line ends, as the
// checker's profile writer does.
func writeOwn(tb testing.TB, records [][]string) {
	w := NewWriter(bufio.NewWriterSize(io.Discard, 64<<10))
	w.UseCRLF = true
	for _, record := range records {
		w.Write(record)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
}

func writeStd(tb testing.TB, records [][]string) {
	w := stdcsv.NewWriter(bufio.NewWriterSize(io.Discard, 64<<10))
	w.UseCRLF = true
	for _, record := range records {
		w.Write(record)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkRead reads the 200,000-row profile CSV with this package and
// with encoding/csv.
func BenchmarkRead(b *testing.B) {
	data := profileCSV()
	for _, c := range []struct {
		name string
		read func(testing.TB, []byte)
	}{{"own", readOwn}, {"encoding_csv", readStd}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				c.read(b, data)
			}
		})
	}
}

// BenchmarkWrite writes the 200,000 records of the profile CSV with this
// package and with encoding/csv.
func BenchmarkWrite(b *testing.B) {
	records := profileRecords()
	for _, c := range []struct {
		name  string
		write func(testing.TB, [][]string)
	}{{"own", writeOwn}, {"encoding_csv", writeStd}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.write(b, records)
			}
		})
	}
}

// BenchmarkReadWriteVsStdlib reads and writes the batch with this package
// and with encoding/csv in turn in every iteration, and reports the ratio
// of the times, so load from other processes affects both alike. Goal:
// at most 1.5.
func BenchmarkReadWriteVsStdlib(b *testing.B) {
	data, records := profileCSV(), profileRecords()
	var own, std time.Duration
	for b.Loop() {
		t0 := time.Now()
		readOwn(b, data)
		writeOwn(b, records)
		t1 := time.Now()
		readStd(b, data)
		writeStd(b, records)
		own += t1.Sub(t0)
		std += time.Since(t1)
	}
	b.ReportMetric(float64(own)/float64(std), "ratio")
	b.ReportMetric(float64(own.Nanoseconds())/float64(b.N*benchRows), "ns/row")
	b.ReportMetric(float64(std.Nanoseconds())/float64(b.N*benchRows), "stdlib-ns/row")
}
