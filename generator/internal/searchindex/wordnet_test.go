package searchindex

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// thesaurusGoldenWords is a fixed site vocabulary: the thesaurus WordNet
// gives for it is kept in testdata/thesaurus.txt.gz (go test -update
// rewrites it), so a change to how WordNet is read cannot change the
// thesaurus unnoticed.
const thesaurusGoldenWords = `
scam scams scammer defraud defrauded fraud fraudulent cheat cheated fake fakes
counterfeit counterfeits case cases suit lawsuit art unsafe copy copies lawyer
supplier suppliers invoice invoices short deceive criminal buyer buyers seller
sellers payment payments bank banks transfer refund refunds money price prices
quote order orders product products quality sample samples factory factories
manufacturer manufacturers trade trading company companies business contract
contracts agreement deposit shipping shipment freight delivery customs tax
verify verification check checks license licence certificate registration
address phone email website domain account accounts warning warnings risk
risks safe safety trust trusted reliable honest dishonest theft steal stolen
loss lose lost police report complaint dispute evidence proof document
documents photo photos video inspect inspection audit visit meet meeting
china chinese market markets platform platforms online alibaba search find
help guide step steps question questions answer answers problem problems
good bad cheap expensive fast slow big small new old real true false wrong
pay paid send sent receive received buy bought sell sold ask asked tell told
goods item items brand brands logo trademark patent law legal court judge
judgment claim claims damage damages compensation insurance bill bills
receipt receipts wire card credit debit cash currency dollar dollars yuan
identity name names person people employee employees owner owners manager
director office offices building city province country countries world
`

func thesaurusGolden(wn *WordNet) []byte {
	df, seen := siteVocabulary(strings.Fields(thesaurusGoldenWords)...)
	th := wn.thesaurus(df, seen)
	keys := make([]string, 0, len(th))
	for k := range th {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	for _, k := range keys {
		b.WriteString(k)
		for _, t := range th[k] {
			b.WriteString("\t" + t.term + " " + strconv.FormatFloat(t.weight, 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// TestThesaurusGolden checks the thesaurus of a fixed vocabulary against
// the one the earlier (simpler, slower) WordNet reader gave.
func TestThesaurusGolden(t *testing.T) {
	wn := loadTestWordNet(t)
	got := thesaurusGolden(wn)
	const path = "testdata/thesaurus.txt.gz"
	if *update {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(got)
		zw.Close()
		if err := os.WriteFile(path, z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("thesaurus differs from %s at line %d:\n got %q\nwant %q", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("thesaurus differs from %s: %d lines, want %d", path, len(gl), len(wl))
	}
}

func BenchmarkLoadWordNet(b *testing.B) {
	for b.Loop() {
		if _, err := LoadWordNet(wordNetTestDir); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLemmaTerms checks lemmaTerms's own splitting against Tokenize, for
// every lemma WordNet has.
func TestLemmaTerms(t *testing.T) {
	wn := loadTestWordNet(t)
	n := 0
	for l, terms := range wn.terms {
		if want := Tokenize(l); !slices.Equal(terms, want) || terms == nil {
			if n++; n <= 5 {
				t.Errorf("terms of %q: %q, want %q", l, terms, want)
			}
		}
	}
	for _, l := range []string{"rip off", "'hood", "jack-o'-lantern", "a.k.a.", "the who", "x-ray", "i", "3-d", "crème brûlée", "Zurich"} {
		got := lemmaTerms([]string{l}, nil)[l]
		if want := Tokenize(l); !slices.Equal(got, want) || got == nil {
			t.Errorf("lemmaTerms(%q) = %q, want %q", l, got, want)
		}
	}
	// Every lemma of a synset has its terms.
	for id, s := range wn.synsets {
		for _, l := range s.lemmas {
			if _, ok := wn.terms[l]; !ok {
				t.Fatalf("synset %v: no terms for %q", id, l)
			}
		}
	}
}
