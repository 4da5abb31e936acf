package searchindex

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"

	"safesource.dev/safesource/generator/internal/buildcache"
)

// PageCache keeps extracted pages between builds, so a rebuild parses only
// the pages whose HTML changed. Entries are keyed by the page's URL and the
// hash of its HTML; the salt (the build program's own hash) drops every entry
// when the extractor may have changed.
type PageCache struct {
	salt      string
	entries   *buildcache.Entries[cachedPage]
	extractor func(url string, src []byte) (Page, bool, error) // Extract when nil
}

type cachedPage struct {
	Page    Page
	Indexed bool // false: the page has no data-search-body
}

// LoadPageCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	return &PageCache{salt: salt, entries: buildcache.Load(file, salt, func(d *buildcache.Decoder, _ []string) cachedPage { return decodePage(d) })}
}

func encodePage(e *buildcache.Encoder, c cachedPage) {
	e.Bool(c.Indexed)
	p := c.Page
	e.String(p.URL)
	e.String(p.Title)
	e.String(p.Group)
	e.String(p.Label)
	e.String(p.Description)
	e.Uint(uint64(len(p.Sections)))
	for _, s := range p.Sections {
		e.String(s.Anchor)
		e.String(s.Title)
		e.String(s.Text)
		e.Bool(s.Entry)
		e.Float(s.Weight)
		e.Float(s.Links)
		e.String(s.Answers)
	}
}

func decodePage(d *buildcache.Decoder) cachedPage {
	var c cachedPage
	c.Indexed = d.Bool()
	p := &c.Page
	p.URL, p.Title, p.Group, p.Label = d.String(), d.String(), d.String(), d.String()
	p.Description = d.String()
	if n := d.Len(); n > 0 {
		p.Sections = make([]Section, n)
		for i := range p.Sections {
			s := &p.Sections[i]
			s.Anchor, s.Title, s.Text = d.String(), d.String(), d.String()
			s.Entry, s.Weight, s.Links = d.Bool(), d.Float(), d.Float()
			s.Answers = d.String()
		}
	}
	return c
}

// Save writes the pages this build extracted or reused (and no others);
// when they are exactly the ones loaded, the file is left alone.
func (c *PageCache) Save(file string) error {
	return c.entries.Save(file, c.salt, func(e *buildcache.Encoder, _ *buildcache.StringTable, p cachedPage) { encodePage(e, p) })
}

func (c *PageCache) extract(url string, src []byte, sum [sha256.Size]byte) (Page, bool, error) {
	e, err := c.entries.Get(url+" "+hex.EncodeToString(sum[:]), func() (cachedPage, error) {
		extract := c.extractor
		if extract == nil {
			extract = Extract
		}
		p, indexed, err := extract(url, src)
		return cachedPage{p, indexed}, err
	})
	return e.Page, e.Indexed, err
}

// ExtractWith has the pages that are not in the cache extracted by
// extract (Extract's equal), such as a reader that tokenizes each page
// once for the search index and another stage (PageReader).
func (c *PageCache) ExtractWith(extract func(url string, src []byte) (Page, bool, error)) {
	c.extractor = extract
}

// FromSiteCached is FromSite on fsys (the built site), taking unchanged
// pages from c.
func FromSiteCached(fsys fs.FS, c *PageCache, skip ...string) ([]Page, error) {
	return fromSite(fsys, c.extract, skip)
}

// TermCache keeps each page's analysed sections (its terms and their
// counts) between builds, so a rebuild tokenizes only the pages that
// changed. An entry is keyed by a hash of everything the analysis reads:
// the page's title, description and sections, and the synonym groups. The salt (the
// build program's own hash) drops every entry when the tokenizer may have
// changed. A nil *TermCache analyses every page.
type TermCache struct {
	salt    string
	entries *buildcache.Entries[[]secTerms]
}

// LoadTermCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadTermCache(file, salt string) *TermCache {
	return &TermCache{salt: salt, entries: buildcache.Load(file, salt, termsReader())}
}

// Save writes the pages this build analysed or reused (and no others);
// when they are exactly the ones loaded, the file is left alone.
func (c *TermCache) Save(file string) error {
	return c.entries.Save(file, c.salt, writeTerms)
}

// get returns p's analysed sections, from the cache when p and the synonym
// groups (synKey) are unchanged. Entries are shared and never changed.
func (c *TermCache) get(p Page, synKey string, analyze func() []secTerms) []secTerms {
	if c == nil {
		return analyze()
	}
	e := &buildcache.Encoder{}
	e.String(synKey)
	encodePage(e, cachedPage{Page: p})
	key := sha256.Sum256(e.Bytes())
	v, _ := c.entries.Get(string(key[:]), func() ([]secTerms, error) { return analyze(), nil })
	return v
}

// writeTerms writes one page's sections, terms and words by number in the
// file's string table (they are shared by many sections).
func writeTerms(e *buildcache.Encoder, table *buildcache.StringTable, secs []secTerms) {
	e.Uint(uint64(len(secs)))
	for _, s := range secs {
		e.Uint(uint64(s.section))
		e.Uint(uint64(s.length))
		e.Number(s.weight)
		e.Uint(uint64(len(s.terms)))
		for _, t := range s.terms {
			table.Ref(e, t.term)
			e.Number(t.tf)
			e.Number(t.bonus)
		}
		e.Uint(uint64(len(s.words)))
		for _, w := range s.words {
			table.Ref(e, w)
		}
	}
}

// termsReader reads what writeTerms wrote, page after page. Sections take
// their lists from large shared blocks: one allocation per section list
// made loading take about a second at 5,000 pages.
func termsReader() func(d *buildcache.Decoder, table []string) []secTerms {
	var terms []termStat
	var words []string
	return func(d *buildcache.Decoder, table []string) []secTerms {
		secs := make([]secTerms, d.Len())
		for i := range secs {
			s := &secs[i]
			s.section, s.length, s.weight = int(d.Uint()), int(d.Uint()), d.Number()
			terms, s.terms = carve(terms, d.Len())
			for j := range s.terms {
				s.terms[j] = termStat{d.Ref(table), d.Number(), d.Number()}
			}
			words, s.words = carve(words, d.Len())
			for j := range s.words {
				s.words[j] = d.Ref(table)
			}
		}
		return secs
	}
}

// carve takes n elements from block, starting a new block when it is full;
// the part taken cannot grow into the rest.
func carve[T any](block []T, n int) (rest, part []T) {
	const blockSize = 1 << 14
	if cap(block)-len(block) < n {
		block = make([]T, 0, max(blockSize, n))
	}
	end := len(block) + n
	return block[:end], block[len(block):end:end]
}
