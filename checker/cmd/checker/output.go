package main

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"

	"safesource.dev/safesource/checker"
)

// emitter writes scored profiles in one output format.
type emitter interface {
	emit(from origin, p *checker.Profile, r *checker.Result) error
	finish() error
}

func newEmitter(format string, w *bufio.Writer) emitter {
	switch format {
	case "json":
		return &jsonEmitter{w: w}
	case "csv":
		return newCSVEmitter(w)
	default:
		return &textEmitter{w: w}
	}
}

// jsonEmitter writes an array with one result per profile, in input order,
// one result per line.
type jsonEmitter struct {
	w   *bufio.Writer
	n   int
	buf []byte
}

func (e *jsonEmitter) emit(_ origin, _ *checker.Profile, r *checker.Result) error {
	sep := ",\n"
	if e.n == 0 {
		sep = "[\n"
	}
	e.n++
	e.buf = r.AppendJSON(append(e.buf[:0], sep...))
	_, err := e.w.Write(e.buf)
	return err
}

func (e *jsonEmitter) finish() error {
	end := "\n]\n"
	if e.n == 0 {
		end = "[]\n"
	}
	_, err := e.w.WriteString(end)
	return err
}

// csvHeader is the csv output's columns; findings holds finding ids joined by
// ";", rules_version the version of the rules that scored the row (added
// last, so readers of the earlier columns are unaffected).
const csvHeader = "supplier_name,score,band,confidence,findings,rules_version\n"

// csvEmitter writes rows by hand: only the supplier name can need quoting
// (ids, bands and numbers never do), and batch speed matters here.
type csvEmitter struct {
	w   *bufio.Writer
	row []byte
}

func newCSVEmitter(w *bufio.Writer) *csvEmitter {
	w.WriteString(csvHeader) // errors surface at Flush, checked in finish
	return &csvEmitter{w: w}
}

func (e *csvEmitter) emit(_ origin, p *checker.Profile, r *checker.Result) error {
	b := checker.AppendCSVField(e.row[:0], p.Name()) // neutralised: a name cannot run as a formula
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = append(b, ',')
	b = append(b, r.Band...)
	b = append(b, ',')
	b = appendConfidence(b, r.Confidence)
	b = append(b, ',')
	for i := range r.Findings {
		if i > 0 {
			b = append(b, ';')
		}
		b = append(b, r.Findings[i].ID...)
	}
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.RulesVersion), 10)
	b = append(b, '\n')
	e.row = b
	_, err := e.w.Write(b)
	return err
}

func (e *csvEmitter) finish() error { return e.w.Flush() }

// appendConfidence writes a confidence (hundredths from 0 to 1) as
// strconv.FormatFloat(c, 'f', -1, 64) would, without its general algorithm.
func appendConfidence(b []byte, c float64) []byte {
	k := int(math.Round(c * 100))
	switch {
	case k <= 0 || k >= 100 || float64(k)/100 != c:
		return strconv.AppendFloat(b, c, 'f', -1, 64)
	case k%10 == 0:
		return append(b, '0', '.', byte('0'+k/10))
	default:
		return append(b, '0', '.', byte('0'+k/10), byte('0'+k%10))
	}
}

// textEmitter writes a readable report per profile.
type textEmitter struct {
	w *bufio.Writer
	n int
}

func (e *textEmitter) emit(from origin, p *checker.Profile, r *checker.Result) error {
	w := e.w
	if e.n > 0 {
		w.WriteString("\n")
	}
	e.n++
	name := checker.Printable(p.Name()) // a name cannot move the cursor or forge lines
	if name == "" {
		name = "(unnamed supplier)"
	}
	fmt.Fprintf(w, "%s  [%s]\n", name, from)
	fmt.Fprintf(w, "  Risk: %d/100, %s (confidence %s, rules v%d)\n", r.Score, strings.ToUpper(r.Band), strconv.FormatFloat(r.Confidence, 'f', 2, 64), r.RulesVersion)
	if len(r.Findings) > 0 {
		w.WriteString("  Red flags:\n")
		for _, f := range r.Findings {
			fmt.Fprintf(w, "    %-8s %+4d  %s (%s)\n", f.Severity, f.Points, f.Title, f.ID)
			fmt.Fprintf(w, "                   %s\n", f.Why)
			fmt.Fprintf(w, "                   See %s\n", f.Guide)
		}
	} else {
		w.WriteString("  Red flags: none found in the answers given\n")
	}
	if len(r.Positives) > 0 {
		w.WriteString("  Positive signs:\n")
		for _, f := range r.Positives {
			fmt.Fprintf(w, "             %+4d  %s (%s)\n", f.Points, f.Title, f.ID)
		}
	}
	if r.USCC != nil {
		if r.USCC.Valid {
			fmt.Fprintf(w, "  Credit code %s: valid, registered in %s\n", checker.Printable(r.USCC.Code), r.USCC.Province)
			fmt.Fprintf(w, "    %s\n", checker.DecodeUSCC(*r.USCC).Sentence(r.USCC.Province))
		} else {
			fmt.Fprintf(w, "  Credit code %s: invalid, %s\n", checker.Printable(r.USCC.Code), checker.Printable(r.USCC.Error))
		}
	}
	writeEntity(w, r.Entity)
	if len(r.Improvements) > 0 {
		w.WriteString("  To lower the risk:\n")
		for _, m := range r.Improvements {
			fmt.Fprintf(w, "    - %s: %d -> %d\n      See %s\n", m.Text, r.Score, m.ScoreAfter, m.Guide)
		}
	}
	if len(r.Actions) > 0 {
		w.WriteString("  Next steps:\n")
		for i, a := range r.Actions {
			fmt.Fprintf(w, "    %2d. %s\n        See %s\n", i+1, a.Text, a.Guide)
		}
	}
	return nil // bufio keeps the first write error; finish reports it
}

func (e *textEmitter) finish() error { return e.w.Flush() }
