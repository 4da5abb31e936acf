package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"safesource.dev/safesource/checker"
)

// benchRows is the size of the batch in the spec: 200,000 profiles.
const benchRows = 200_000

var benchCSV = sync.OnceValue(func() []byte {
	data, _ := checker.RulesJSON()
	var rules struct {
		Questions []struct {
			ID     string   `json:"id"`
			Type   string   `json:"type"`
			Min    *float64 `json:"min"`
			Max    *float64 `json:"max"`
			Values []struct {
				Value string `json:"value"`
			} `json:"values"`
		} `json:"questions"`
	}
	if err := json.Unmarshal(data, &rules); err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(200, 0))
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := make([]string, len(rules.Questions))
	for i, q := range rules.Questions {
		header[i] = q.ID
	}
	w.Write(header)
	row := make([]string, len(header))
	for n := 0; n < benchRows; n++ {
		for i, q := range rules.Questions {
			row[i] = ""
			if rng.IntN(5) == 0 {
				continue // about a fifth of the answers unknown
			}
			switch q.Type {
			case "text":
				if q.ID == "uscc" {
					row[i] = []string{"91330100716105852F", "9144030071526726XG", "91330100716105852A"}[rng.IntN(3)]
				} else {
					row[i] = "Supplier " + strconv.Itoa(n)
				}
			case "enum":
				row[i] = q.Values[rng.IntN(len(q.Values))].Value
			case "list":
				var items []string
				for _, v := range q.Values {
					if rng.IntN(3) == 0 {
						items = append(items, v.Value)
					}
				}
				row[i] = strings.Join(items, ";")
			default:
				lo, hi := 0.0, 20000.0
				if q.Min != nil {
					lo = *q.Min
				}
				if q.Max != nil {
					hi = *q.Max
				}
				// Numbers as people type them: whole, or with one or two decimals.
				v := lo + rng.Float64()*(hi-lo)
				switch {
				case q.Type == "integer" || rng.IntN(2) == 0:
					v = math.Floor(v)
				default:
					v = math.Round(v*100) / 100
				}
				row[i] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
})

// batchCSV scores a CSV exactly as `checker score --format csv` does,
// writing to a discarded buffer.
func batchCSV(tb testing.TB, data []byte) {
	w := bufio.NewWriterSize(io.Discard, 64<<10)
	s := newSession("csv", w, io.Discard)
	if err := s.scoreCSV("bench.csv", bytes.NewReader(data)); err != nil {
		tb.Fatal(err)
	}
	if err := s.out.finish(); err != nil {
		tb.Fatal(err)
	}
	if s.bad() {
		tb.Fatal("the generated batch has bad rows")
	}
}

// baselineCSV only reads the CSV and writes every record back with
// encoding/csv, with the reader set up as the batch reader is.
func baselineCSV(tb testing.TB, data []byte) {
	r := csv.NewReader(bytes.NewReader(data))
	r.ReuseRecord = true
	r.TrimLeadingSpace = true
	w := csv.NewWriter(bufio.NewWriterSize(io.Discard, 64<<10))
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkBatchCSV scores 200,000 CSV profiles.
func BenchmarkBatchCSV(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		batchCSV(b, data)
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCSVBaseline reads and writes the same 200,000 rows with
// encoding/csv alone: the floor BenchmarkBatchCSV is compared with.
func BenchmarkCSVBaseline(b *testing.B) {
	data := benchCSV()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		baselineCSV(b, data)
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBatchVsBaseline runs the two in turn in every iteration and
// reports batch time / baseline time, so load from other processes on a
// shared machine affects both sides alike. Goal: ratio ≤ 1.5.
func BenchmarkBatchVsBaseline(b *testing.B) {
	data := benchCSV()
	var batch, base time.Duration
	for b.Loop() {
		t0 := time.Now()
		baselineCSV(b, data)
		t1 := time.Now()
		batchCSV(b, data)
		base += t1.Sub(t0)
		batch += time.Since(t1)
	}
	b.ReportMetric(float64(batch)/float64(base), "ratio")
	b.ReportMetric(float64(batch.Nanoseconds())/float64(b.N*benchRows), "ns/row")
	b.ReportMetric(float64(base.Nanoseconds())/float64(b.N*benchRows), "baseline-ns/row")
}
