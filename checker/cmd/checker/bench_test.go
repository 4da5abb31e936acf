package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"sync"
	"testing"
	"time"

	"safesource.dev/safesource/checker/internal/benchdata"
)

// benchRows is the size of the batch in the spec: 200,000 profiles.
const benchRows = 200_000

var benchCSV = sync.OnceValue(func() []byte { return benchdata.CSV(benchRows) })

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
