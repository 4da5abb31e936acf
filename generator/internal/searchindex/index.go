package searchindex

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"safesource.dev/safesource/generator/internal/outfs"
	"safesource.dev/safesource/generator/internal/work"
)

// Format version of the files below; the browser refuses other versions.
const Version = 3

// Layout of the output folder (all files are gzip-compressed JSON, named
// with extensions no server decompresses on its own):
//
//	manifest.smeta          {"v","build","pages","groups":[[key,label,from,to]],"shards":[firstTerm…],"typo":[firstKey…],"thes":[firstKey…],"zthes":[firstKey…],"rare":ThesaurusRare}
//	BUILD/s/N.sidx          {"p":{term:[page,section,score, Δpage,section,score, …]},"x":{term:1}}
//	BUILD/t/N.styp          {"k":{key:[word…]}}
//	BUILD/f/PAGE.sfrag      {"u":url,"t":title,"g":group,"l":label,"s":[[anchor,title,text]]}
//	BUILD/w/N.sthe          {"k":{key:[term,weight×100,…]}} (thesaurus.go)
//	BUILD/z/N.sthe          the same, for Chinese keys (thesaurus_zh.go; not precached: OnlineOnly)
//
// The typo files list the index's words (before stemming) under the keys of
// TypoKeys, most common first, so the browser can find the words within a
// small edit distance of a misspelt query word by fetching at most three
// small files instead of the whole vocabulary.
//
// Pages are numbered in group order, so a filter is a page range. In "p"
// the first page number of each list is absolute, later ones are deltas.
// Scores are BM25 (title fields weighted) times ScoreScale, rounded. "x"
// marks lists cut to MaxPostings: a page missing from such a list may still
// contain the term.
const (
	ManifestName = "manifest.smeta"
	ScoreScale   = 8
	MaxPostings  = 2000
	// ShardTarget is the uncompressed size at which a shard is closed.
	ShardTarget = 24 << 10
	// TypoShardTarget is the same for the typo files, which are fetched
	// only for misspelt words: small, so a typo costs a few KB.
	TypoShardTarget = 6 << 10

	k1 = 1.2
	b  = 0.75

	// A term's score in a section is idf × (BM25 of its frequency in the
	// text + the bonus of the best title field it appears in). The bonus
	// is added, not counted as extra occurrences, so BM25's saturation
	// cannot swallow it: a word in the page title or a heading outweighs
	// many mentions in the text. The title of a glossary or directory
	// entry (data-search-title) gets less than a heading; the glossary
	// also halves its entries' scores (data-search-weight), so a page that
	// teaches a topic outranks the entry that defines its name.
	// (Page title 3 and heading 1 until issue 27's second round: twice
	// that ranked every judged set as well or better, the held-back
	// halves most: questions and other words for a thing find the
	// section whose heading names it.)
	bonusPageTitle  = 4
	bonusHeading    = 2.0
	bonusEntryTitle = 0.5
	// bonusAnswers is the bonus of the words in a section's answers (its
	// author's phrasings of the questions it answers, front matter
	// "answers"): a field like a heading, in a reader's words (as much
	// as a heading ranked the judged sets best).
	bonusAnswers = 2.0
	// bonusDescription is the bonus of the words of the page's
	// description (its meta description, the author's one- or
	// two-sentence summary), for the page top: less than a heading, as
	// it is longer and says more in passing.
	bonusDescription = 1.0
	// weightSynonym scales the words a section gains from a synonym
	// group (licence → license, 营业执照 → business licence).
	weightSynonym = 0.8
	// A section whose text is mostly link text (linkListShare of its
	// letters or more) is a list of pointers to other pages ("Red flags
	// for this step"): the pages it points to answer, so its scores are
	// scaled by weightLinkList and it ranks below the sections that
	// explain.
	linkListShare  = 0.6
	weightLinkList = 0.5
)

// Options tune a build (zero values take the defaults above).
type Options struct {
	ShardTarget     int
	TypoShardTarget int
	MaxPostings     int
	// Synonyms are groups of equivalent phrases ("licence", "license";
	// "business licence", "营业执照", "yingye zhizhao"): a section that
	// contains one phrase of a group is also indexed under the others.
	Synonyms [][]string
	// Store, when set, keeps compressed files between builds by the hash
	// of their content, so unchanged files are neither compressed nor
	// written again.
	Store *Store
	// Terms, when set, keeps each page's analysed sections between builds,
	// so unchanged pages are not tokenized again.
	Terms *TermCache
	// WordNet, when set, is the lexical database the thesaurus files are
	// derived from (thesaurus.go).
	WordNet *WordNet
	// CEDICT, when set, is the Chinese–English dictionary the Chinese
	// thesaurus files are derived from (thesaurus_zh.go).
	CEDICT               *CEDICT
	ThesaurusShardTarget int
}

// Index is a built index, ready to write.
type Index struct {
	Build    string
	Manifest []byte          // gzip
	Files    map[string]File // path under the output folder → gzip content
	Stats    Stats
	store    *Store
}

// Stats describe a build.
type Stats struct {
	Pages, Sections, Terms, Postings, Shards int
	Words, TypoShards                        int // typo vocabulary
	ThesaurusKeys, ThesaurusShards           int
	ZhThesaurusKeys, ZhThesaurusShards       int
	Bytes                                    int // all files, compressed
}

type posting struct {
	page, section int
	score         int
}

type manifest struct {
	V      int      `json:"v"`
	Build  string   `json:"build"`
	Pages  int      `json:"pages"`
	Groups [][]any  `json:"groups"`
	Shards []string `json:"shards"`
	Typo   []string `json:"typo"`
	Thes   []string `json:"thes"`
	ZThes  []string `json:"zthes"` // the Chinese thesaurus files (z/N.sthe)
	// Rare is ThesaurusRare: the browser also looks up the meanings of a
	// word the index holds in this many sections or fewer.
	Rare int `json:"rare"`
}

// Build indexes pages. Pages are reordered by group, then URL.
func Build(pages []Page, opt Options) (*Index, error) {
	opt = opt.withDefaults()
	syn := newSynonyms(opt.Synonyms)
	pages = append([]Page(nil), pages...)
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Group != pages[j].Group {
			return pages[i].Group < pages[j].Group
		}
		return pages[i].URL < pages[j].URL
	})
	c := collect(analyzeAll(pages, syn, opt.Terms))
	if len(c.secs) == 0 {
		return nil, fmt.Errorf("no indexable text: mark page content with data-search-body")
	}
	// The thesaurus needs only the vocabulary: its two sides are derived
	// while the postings are scored and sharded.
	thesDone, zhDone := make(chan map[string][]thesTarget, 1), make(chan map[string][]thesTarget, 1)
	go func() { thesDone <- opt.WordNet.thesaurus(c.df, c.wordDF) }()
	go func() { zhDone <- opt.CEDICT.thesaurus(c.df, opt.WordNet) }()
	terms, postings := c.score()
	idx := &Index{Files: map[string]File{}, store: opt.Store}
	shards, kept := shardPostings(terms, postings, opt.MaxPostings, opt.ShardTarget)
	idx.Stats.Postings = kept
	typoShards := typoFiles(c.wordDF, opt.TypoShardTarget)
	thes, zh := <-thesDone, <-zhDone
	thesShards := thesaurusFiles(thes, opt.ThesaurusShardTarget)
	zhShards := thesaurusFiles(zh, opt.ThesaurusShardTarget)

	// Content first, so the build id (a hash of it all) can name the folder.
	outs := make([]output, 0, len(shards)+len(typoShards)+len(thesShards)+len(zhShards)+len(pages))
	for i, sh := range shards {
		outs = append(outs, output{fmt.Sprintf("s/%d.sidx", i), func() any { return map[string]any{"p": sh.p, "x": sh.x} }})
	}
	for i, sh := range typoShards {
		outs = append(outs, output{fmt.Sprintf("t/%d.styp", i), func() any { return map[string]any{"k": sh.keys} }})
	}
	for i, sh := range thesShards {
		outs = append(outs, output{fmt.Sprintf("w/%d.sthe", i), func() any { return map[string]any{"k": sh.keys} }})
	}
	for i, sh := range zhShards {
		outs = append(outs, output{fmt.Sprintf("z/%d.sthe", i), func() any { return map[string]any{"k": sh.keys} }})
	}
	for i := range pages {
		outs = append(outs, output{fmt.Sprintf("f/%d.sfrag", i), func() any { return fragment(pages[i]) }})
	}
	files, err := compressAll(opt.Store, outs)
	if err != nil {
		return nil, err
	}
	idx.Build = buildID(files)
	for _, f := range files {
		idx.Files[idx.Build+"/"+f.name] = f.File
		idx.Stats.Bytes += f.size
	}
	m, err := gz(manifest{V: Version, Build: idx.Build, Pages: len(pages), Groups: pageGroups(pages),
		Shards: firstKeys(shards, func(s *shard) string { return s.first }),
		Typo:   firstKeys(typoShards, func(s typoShard) string { return s.first }),
		Thes:   firstKeys(thesShards, func(s thesShard) string { return s.first }),
		ZThes:  firstKeys(zhShards, func(s thesShard) string { return s.first }),
		Rare:   ThesaurusRare})
	if err != nil {
		return nil, err
	}
	idx.Manifest = m
	idx.Stats.Bytes += len(m)
	idx.Stats.Pages = len(pages)
	idx.Stats.Sections = len(c.secs)
	idx.Stats.Terms = len(terms)
	idx.Stats.Shards = len(shards)
	idx.Stats.Words = len(c.wordDF)
	idx.Stats.TypoShards = len(typoShards)
	idx.Stats.ThesaurusKeys = len(thes)
	idx.Stats.ThesaurusShards = len(thesShards)
	idx.Stats.ZhThesaurusKeys = len(zh)
	idx.Stats.ZhThesaurusShards = len(zhShards)
	return idx, nil
}

// withDefaults fills the options left at zero.
func (opt Options) withDefaults() Options {
	if opt.ShardTarget == 0 {
		opt.ShardTarget = ShardTarget
	}
	if opt.MaxPostings == 0 {
		opt.MaxPostings = MaxPostings
	}
	if opt.TypoShardTarget == 0 {
		opt.TypoShardTarget = TypoShardTarget
	}
	if opt.ThesaurusShardTarget == 0 {
		opt.ThesaurusShardTarget = ThesaurusShardTarget
	}
	return opt
}

// pageGroups lists [group, label, first page, last page] for each run of
// pages of one group (pages are in group order).
func pageGroups(pages []Page) [][]any {
	var groups [][]any
	for i, p := range pages {
		if len(groups) == 0 || groups[len(groups)-1][0] != p.Group {
			groups = append(groups, []any{p.Group, p.Label, i, i})
		}
		groups[len(groups)-1][3] = i
	}
	return groups
}

// firstKeys lists each shard's first key; never nil, so the manifest
// always has a list.
func firstKeys[S any](shards []S, first func(S) string) []string {
	out := make([]string, 0, len(shards))
	for _, s := range shards {
		out = append(out, first(s))
	}
	return out
}

// buildID hashes each file's name and its JSON's hash (its key), so a
// stored file need not be read.
func buildID(files []namedFile) string {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.name))
		h.Write([]byte(f.key))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// secTerms is one section analysed: its terms with their frequency in the
// text and title bonus, its Latin words (for the typo files), its length.
type secTerms struct {
	section int
	terms   []termStat // every term of the section, once
	words   []string
	length  int
	weight  float64 // of the whole section
}

type termStat struct {
	term      string
	tf, bonus float64
}

// scratch holds the maps a worker counts a section in, reused: clearing a
// map costs less than making one.
type scratch struct {
	tf, bonus, synTF map[string]float64
	words            map[string]bool
	terms            []string
}

func newScratch() *scratch {
	return &scratch{tf: map[string]float64{}, bonus: map[string]float64{}, synTF: map[string]float64{}, words: map[string]bool{}}
}

// analyze counts the terms of each section of p: term frequencies in the
// text, the bonus of the best title field each term appears in, the text
// length.
func analyze(p Page, syn *synonyms, sc *scratch) []secTerms {
	var out []secTerms
	for si, s := range p.Sections {
		clear(sc.tf)
		clear(sc.bonus)
		clear(sc.synTF)
		clear(sc.words)
		st := secTerms{section: si, weight: 1}
		// add indexes a field: text (bonus 0) counts towards the term
		// frequency and length, a title field gives its terms a bonus.
		add := func(text string, bonus float64) {
			toks := tokens(text)
			sc.terms = sc.terms[:0]
			for _, t := range toks {
				sc.terms = append(sc.terms, t.term)
				if typoWord(t.word) {
					sc.words[t.word] = true
				}
				if bonus > 0 {
					sc.bonus[t.term] = max(sc.bonus[t.term], bonus)
					continue
				}
				sc.tf[t.term]++
				st.length++
			}
			for _, t := range syn.expand(sc.terms) {
				if bonus > 0 {
					sc.bonus[t] = max(sc.bonus[t], bonus*weightSynonym)
				} else {
					sc.synTF[t] += weightSynonym
				}
			}
		}
		if si == 0 {
			add(p.Title, bonusPageTitle)
			add(p.Description, bonusDescription)
		}
		if s.Weight > 0 {
			st.weight = s.Weight
		}
		if s.Links >= linkListShare {
			st.weight *= weightLinkList
		}
		if s.Entry {
			add(s.Title, bonusEntryTitle)
		} else {
			add(s.Title, bonusHeading)
		}
		add(s.Answers, bonusAnswers)
		add(s.Text, 0)
		// A synonym found in the text counts as often as its phrase
		// occurs, unless the word itself occurs more.
		for t, f := range sc.synTF {
			sc.tf[t] = max(sc.tf[t], f)
		}
		if len(sc.tf)+len(sc.bonus) == 0 {
			continue
		}
		st.terms = make([]termStat, 0, len(sc.tf)+len(sc.bonus))
		for t, f := range sc.tf {
			st.terms = append(st.terms, termStat{t, f, sc.bonus[t]})
		}
		for t, bo := range sc.bonus {
			if _, inText := sc.tf[t]; !inText {
				st.terms = append(st.terms, termStat{t, 0, bo})
			}
		}
		st.words = make([]string, 0, len(sc.words))
		for w := range sc.words {
			st.words = append(st.words, w)
		}
		out = append(out, st)
	}
	return out
}

func fragment(p Page) map[string]any {
	s := make([][]string, len(p.Sections))
	for i, sec := range p.Sections {
		s[i] = []string{sec.Anchor, sec.Title, sec.Text}
	}
	return map[string]any{"u": p.URL, "t": p.Title, "g": p.Group, "l": p.Label, "s": s}
}

// Write replaces dir with the index (linking the files in the store).
//
// The files are created one at a time. Creating a file costs the kernel
// most when many files were deleted shortly before (as a build's output
// folder is cleared), and two threads creating them at once took as long
// as one and twice its CPU time: on the machine BENCHMARKS.md describes,
// 6,000 files after 12,000 deletions took 1.8 s from one thread (1.9 s of
// CPU) and 1.8 s from two (3.1 s of CPU), CPU the output check, which runs
// at the same time, can use.
func (idx *Index) Write(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("clearing %s: %w", dir, err)
	}
	names := make([]string, 0, len(idx.Files))
	dirs := map[string]bool{dir: true}
	for name := range idx.Files {
		names = append(names, name)
		dirs[filepath.Dir(filepath.Join(dir, filepath.FromSlash(name)))] = true
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, name := range names {
		if err := idx.store.write(filepath.Join(dir, filepath.FromSlash(name)), idx.Files[name]); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, ManifestName), idx.Manifest, 0o644)
}

// gzipWriters are reused: a compressor's state is large to allocate and clear.
// klauspost/compress at level 7: on the 5,000-page synthetic site's 50 MB
// of index JSON it took 1.2 s against compress/gzip's 2.2 s at its default
// level, for the same size (its level 6 took 0.5 s but wrote 1.9% more,
// which every reader downloads; storeSalt names the choice).
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, 7)
	return w
}}

func gz(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return gzBytes(raw)
}

func gzBytes(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadGzipJSON decodes one index file (for tests and tools).
func ReadGzipJSON(data []byte, v any) error {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer r.Close()
	return json.NewDecoder(r).Decode(v)
}

// FromSite extracts every HTML page under root (a built site) except the
// folders in skip.
func FromSite(root string, skip ...string) ([]Page, error) {
	return fromSite(os.DirFS(root), func(url string, src []byte, _ [sha256.Size]byte) (Page, bool, error) {
		return Extract(url, src)
	}, skip)
}

// fromSite extracts the HTML pages of a built site with extract (given
// each page's bytes and their SHA-256), spread over every CPU, keeping
// those marked for search.
func fromSite(fsys fs.FS, extract func(url string, src []byte, sum [sha256.Size]byte) (Page, bool, error), skip []string) ([]Page, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if slices.Contains(skip, p) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pages := make([]Page, len(files))
	ok := make([]bool, len(files))
	if err := work.EachErr(len(files), func(i int) error {
		src, sum, err := outfs.ReadSum(fsys, files[i])
		if err != nil {
			return err
		}
		if pages[i], ok[i], err = extract(urlPath(files[i]), src, sum); err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var out []Page
	for i, p := range pages {
		if ok[i] {
			out = append(out, p)
		}
	}
	return out, nil
}

// urlPath maps a file to its URL: guide/index.html → /guide/.
func urlPath(rel string) string {
	if rel == "index.html" {
		return "/"
	}
	if strings.HasSuffix(rel, "/index.html") {
		return "/" + strings.TrimSuffix(rel, "index.html")
	}
	return "/" + rel
}

// output is one file of the index folder before it is compressed: its name
// and its JSON value, made when the file is compressed (on any core).
type output struct {
	name string
	data func() any
}

// namedFile is a compressed file and its name in the index folder.
type namedFile struct {
	name string
	File
}

// compressAll compresses the outputs on every core, keeping their order.
func compressAll(store *Store, outs []output) ([]namedFile, error) {
	files := make([]namedFile, len(outs))
	err := work.EachErr(len(outs), func(i int) error {
		f, err := store.gzJSON(outs[i].data())
		files[i] = namedFile{outs[i].name, f}
		return err
	})
	return files, err
}
