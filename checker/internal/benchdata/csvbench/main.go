// Command csvbench supports the whole-process CSV benchmark (make bench):
//
//	csvbench gen ROWS FILE   writes the benchmark batch of ROWS profiles to FILE
//	csvbench copy FILE       reads FILE with encoding/csv and writes every record
//	                         back to standard output: the floor a whole
//	                         `checker score --format csv FILE` run is compared with
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"safesource.dev/safesource/checker/internal/benchdata"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "csvbench:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	switch {
	case len(args) == 3 && args[0] == "gen":
		rows, err := strconv.Atoi(args[1])
		if err != nil || rows < 1 {
			return fmt.Errorf("gen: ROWS must be a positive whole number, not %q", args[1])
		}
		return os.WriteFile(args[2], benchdata.CSV(rows), 0o644)
	case len(args) == 2 && args[0] == "copy":
		return copyCSV(args[1])
	}
	return errors.New("usage: csvbench gen ROWS FILE | csvbench copy FILE")
}

// copyCSV reads with the reader set up as the checker's batch reader is
// (records reused, leading spaces trimmed) and writes through a buffer of
// the same size.
func copyCSV(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
	r.ReuseRecord = true
	r.TrimLeadingSpace = true
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	w := csv.NewWriter(out)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return out.Flush()
}
