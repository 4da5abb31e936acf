package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"safesource.dev/safesource/generator/internal/gotool"
	"safesource.dev/safesource/generator/internal/searchindex"
)

// The synthetic site is a throwaway copy of the real one (content, data,
// hugo.toml; the theme is borrowed through hugoOptions) plus N generated
// pages, for benchmarking the build and the search index at scale:
//
//	go run ./generator synthetic -pages 5000 -out /tmp/site
//	go run ./generator build -root /tmp/site
//
// The folder may be anywhere (a temporary one for benchmarks): the build
// borrows the go.mod and theme of the repository it runs from.
//
// Generated pages sit two levels deep (/guide/topic-07/page-0123/) so the
// section menus stay short, and their text is drawn from the real site's
// vocabulary plus invented words with a Zipf distribution, from a fixed
// seed: the same flags always write the same site.

// syntheticSections receive the generated pages, in turn.
var syntheticSections = []string{"guide", "red-flags", "scams", "playbook"}

const (
	syntheticSeed     = 20261121
	syntheticPerTopic = 50
	syntheticInvented = 20000 // invented words added to the real vocabulary
)

type syntheticConfig struct {
	pages int
	out   string
	root  string // the real site to copy
}

func runSynthetic(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generator synthetic", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c syntheticConfig
	fs.IntVar(&c.pages, "pages", 5000, "number of generated pages")
	fs.StringVar(&c.out, "out", "", "folder to write the site into: empty, or an earlier synthetic site (which is replaced)")
	fs.StringVar(&c.root, "root", ".", "the real site whose content, data and configuration are copied")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if c.out == "" || c.pages < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./generator synthetic -pages N -out DIR")
		return 2
	}
	if err := writeSynthetic(c); err != nil {
		fmt.Fprintf(stderr, "generator synthetic: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote a synthetic site with %d generated pages to %s; build it from the repository with: go run ./generator build -root %s\n", c.pages, c.out, c.out)
	return 0
}

// syntheticMarker marks a folder as generated, so -out never deletes
// anything else.
const syntheticMarker = ".synthetic-site"

func writeSynthetic(c syntheticConfig) error {
	root, err := filepath.Abs(c.root)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(c.out)
	if err != nil {
		return err
	}
	if mod, err := gotool.ModuleRoot(root); err == nil && mod == out {
		return fmt.Errorf("-out %s is the repository itself: pick an empty folder, for example build/synthetic", out)
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		if !exists(filepath.Join(out, syntheticMarker)) {
			return fmt.Errorf("%s is not empty and was not written by `generator synthetic`: pick an empty folder", out)
		}
		if err := os.RemoveAll(out); err != nil {
			return err
		}
	}
	for _, d := range []string{"content", "data", "static"} {
		if err := copyTree(filepath.Join(root, d), filepath.Join(out, d)); err != nil {
			return fmt.Errorf("copying %s: %w", d, err)
		}
	}
	for _, f := range []string{"hugo.toml", "netlify.toml"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(out, f), data); err != nil {
			return err
		}
	}
	vocab, err := syntheticVocabulary(filepath.Join(root, "content"))
	if err != nil {
		return err
	}
	g := &synth{rng: rand.New(rand.NewPCG(syntheticSeed, 1)), vocab: vocab}
	g.zipf = rand.NewZipf(g.rng, 1.07, 8, uint64(len(vocab)-1))
	for i := 0; i < c.pages; i++ {
		section := syntheticSections[i%len(syntheticSections)]
		n := i / len(syntheticSections)
		topic := n / syntheticPerTopic
		dir := filepath.Join(out, "content", section, fmt.Sprintf("topic-%03d", topic))
		if n%syntheticPerTopic == 0 {
			if err := writeFile(filepath.Join(dir, "_index.md"), g.page(fmt.Sprintf("Topic %d: %s", topic, g.title()), 1000+topic, false)); err != nil {
				return err
			}
		}
		if err := writeFile(filepath.Join(dir, fmt.Sprintf("page-%05d.md", i)), g.page(g.title(), n%syntheticPerTopic, true)); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(out, syntheticMarker), []byte("written by go run ./generator synthetic; safe to delete\n"))
}

type synth struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

// Chinese terms a buyer might search for, mixed into the text.
var syntheticHanzi = []string{"诚信通", "专线", "担保交易", "营业执照", "统一社会信用代码", "实力商家", "源头工厂", "深度验厂"}

func (g *synth) word() string {
	if g.rng.IntN(60) == 0 {
		return syntheticHanzi[g.rng.IntN(len(syntheticHanzi))]
	}
	return g.vocab[g.zipf.Uint64()]
}

func (g *synth) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
	}
	return strings.Join(w, " ")
}

func (g *synth) title() string {
	return capitalise(g.words(2 + g.rng.IntN(4)))
}

// capitalise upper-cases the first character, whole: vocabulary words may
// start with a Chinese character, which a byte slice would cut in two.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *synth) sentence() string {
	return capitalise(g.words(8+g.rng.IntN(14))) + "."
}

func (g *synth) page(title string, weight int, long bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\nweight: %d\nreviewed: 2026-11-21\nsources: [sourcingxpro-1688]\n---\n\n", title, g.sentence()+" "+g.sentence(), weight)
	b.WriteString(g.sentence() + " " + g.sentence() + "\n")
	if !long {
		return b.Bytes()
	}
	used := map[string]bool{}
	for s := 0; s < 4+g.rng.IntN(5); s++ {
		h := g.title()
		id := fmt.Sprintf("s%d-%s", s, slug(h))
		if used[id] {
			continue
		}
		used[id] = true
		fmt.Fprintf(&b, "\n## %s {#%s}\n", h, id)
		for p := 0; p < 2+g.rng.IntN(3); p++ {
			b.WriteString("\n")
			for k := 0; k < 2+g.rng.IntN(4); k++ {
				b.WriteString(g.sentence() + " ")
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "x"
	}
	return out
}

// syntheticVocabulary is the real content's words, most frequent first, then
// invented ones, so the synthetic text has realistic common terms and a long
// tail of rare ones.
func syntheticVocabulary(contentDir string) ([]string, error) {
	count := map[string]int{}
	err := filepath.WalkDir(contentDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(string(src)), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
			if len(w) > 2 && !searchindex.IsStopWord(w) {
				count[w]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(count) == 0 {
		return nil, errors.New("the real content has no words to build the synthetic vocabulary from")
	}
	words := make([]string, 0, len(count)+syntheticInvented)
	for w := range count {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	syll := []string{"ka", "lo", "mi", "ren", "to", "sha", "vel", "qui", "dor", "pen", "zu", "gar", "el", "fin", "mo", "tra", "sen", "bi", "rox", "nal"}
	r := rand.New(rand.NewPCG(syntheticSeed, 2))
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < cap(words) {
		var b strings.Builder
		for k := 0; k < 2+r.IntN(3); k++ {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words, nil
}

// copyTree copies a folder's regular files.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dst, rel), data)
	})
}
