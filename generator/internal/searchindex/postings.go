package searchindex

import (
	"math"
	"slices"
	"sort"
	"sync"

	"safesource.dev/safesource/generator/internal/work"
)

// analyzeAll analyses each page's sections, in parallel, or takes them from
// the term cache when the page is unchanged.
func analyzeAll(pages []Page, syn *synonyms, cache *TermCache) [][]secTerms {
	perPage := make([][]secTerms, len(pages))
	scratches := sync.Pool{New: func() any { return newScratch() }}
	synKey := syn.fingerprint()
	work.Each(len(pages), func(pi int) {
		perPage[pi] = cache.get(pages[pi], synKey, func() []secTerms {
			sc := scratches.Get().(*scratch)
			defer scratches.Put(sc)
			return analyze(pages[pi], syn, sc)
		})
	})
	return perPage
}

// section is one analysed section and the number of its page.
type section struct {
	page int
	*secTerms
}

// collection is every section in page order with the corpus counts BM25
// needs: in how many sections each term (df) and each unstemmed word
// (wordDF) appears, and the sections' total length.
type collection struct {
	secs       []section
	df, wordDF map[string]int
	totalLen   int
}

func collect(perPage [][]secTerms) collection {
	c := collection{df: map[string]int{}, wordDF: map[string]int{}}
	for pi, list := range perPage {
		for i := range list {
			st := &list[i]
			for _, t := range st.terms {
				c.df[t.term]++
			}
			for _, w := range st.words {
				c.wordDF[w]++
			}
			c.totalLen += st.length
			c.secs = append(c.secs, section{pi, st})
		}
	}
	return c
}

// score returns the terms in order and each term's postings, one per
// section it is in, scored with BM25 plus the title bonuses.
func (c *collection) score() ([]string, [][]posting) {
	terms := make([]string, 0, len(c.df))
	for t := range c.df {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	termID := make(map[string]int, len(terms))
	postings := make([][]posting, len(terms))
	for i, t := range terms {
		termID[t] = i
		postings[i] = make([]posting, 0, c.df[t])
	}
	n := float64(len(c.secs))
	avg := float64(c.totalLen) / n
	for _, s := range c.secs {
		// Sections shorter than average are not rewarded for it: a one-line
		// glossary or directory entry would otherwise outrank the section that
		// explains the same word.
		norm := k1 * (1 - b + b*max(float64(s.length), avg)/avg)
		for _, t := range s.terms {
			d := float64(c.df[t.term])
			idf := math.Log(1 + (n-d+0.5)/(d+0.5))
			sc := int(math.Round(s.weight * idf * (t.tf*(k1+1)/(t.tf+norm) + t.bonus) * ScoreScale))
			id := termID[t.term]
			postings[id] = append(postings[id], posting{s.page, s.section, max(sc, 1)})
		}
	}
	return terms, postings
}

// shard is a run of consecutive terms and their encoded postings.
type shard struct {
	first string
	p     map[string][]int
	x     map[string]int
	size  int
}

// shardPostings cuts each term's list to its best maxPostings (marking it
// in "x"), encodes it and packs consecutive terms into shards of about
// target bytes. It also returns how many postings were kept.
func shardPostings(terms []string, postings [][]posting, maxPostings, target int) ([]*shard, int) {
	var shards []*shard
	kept := 0
	cur := &shard{p: map[string][]int{}, x: map[string]int{}}
	for ti, t := range terms {
		list := postings[ti]
		truncated := false
		if len(list) > maxPostings {
			slices.SortStableFunc(list, func(a, b posting) int { return b.score - a.score })
			list = list[:maxPostings]
			truncated = true
		}
		if cur.first == "" {
			cur.first = t
		}
		cur.p[t] = encodePostings(list)
		if truncated {
			cur.x[t] = 1
		}
		cur.size += len(t) + 6 + 4*len(cur.p[t])
		kept += len(list)
		if cur.size >= target {
			shards = append(shards, cur)
			cur = &shard{p: map[string][]int{}, x: map[string]int{}}
		}
	}
	if cur.first != "" {
		shards = append(shards, cur)
	}
	return shards, kept
}

// encodePostings sorts a list by page and section and writes it as
// [page, section, score, Δpage, section, score, …].
func encodePostings(list []posting) []int {
	slices.SortFunc(list, func(a, b posting) int {
		if a.page != b.page {
			return a.page - b.page
		}
		return a.section - b.section
	})
	enc := make([]int, 0, 3*len(list))
	prev := 0
	for _, p := range list {
		enc = append(enc, p.page-prev, p.section, p.score)
		prev = p.page
	}
	return enc
}
