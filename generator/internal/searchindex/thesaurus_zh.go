package searchindex

import (
	"slices"
	"strings"
)

// The Chinese side of the thesaurus leads a Chinese word the site never
// uses to the site's English words for it: 警察 (never written on the
// site) finds the pages about the police, 骗子 those about scams. It is
// derived at build time from CC-CEDICT (LoadCEDICT) and the index's terms,
// as the English side is from WordNet (thesaurus.go), and kept to:
//
//   - keys the index lacks or barely uses: a word of two Han characters
//     (simplified or traditional) is a key when, as a term, it is in at
//     most ThesaurusRare sections, as an English key is. A word of three
//     (律师费) is a two-term phrase key, "律师 师费", as the tokenizer
//     cuts it into two overlapping pairs (the browser reads a key and the
//     next query term as a phrase, as "rip off"); its first pair must be
//     rare. Longer words are left out: their pairs are looked up one by
//     one, and most hold shorter words CC-CEDICT has (知识产权: 知识,
//     产权);
//   - targets the index holds: the terms of the word's short English
//     glosses (glossCleaner: one or two words, of the entry's first
//     zhGlosses senses) when every term of the gloss is an index term;
//     and, for a first gloss the site does not use, one step through
//     WordNet (zhSynonyms: the site says "scammer", not "swindler"), at
//     weightThesaurus of the gloss's weight;
//   - a gloss's weight falls with its sense's place in the entry as a
//     WordNet sense's does with its rank (weightThesaurus, less
//     thesaurusSenseStep for each sense before it); at most
//     thesaurusTargets targets, best first.
//
// Checked by hand when this was written: of 50 keys drawn at random from
// those derived for the site, 45 led to English words of the word's
// meaning; the rest lead through a minor sense or a loose WordNet step. Many lead to general
// words (time, same, keep): harmless, as such words are seldom typed in
// Chinese here, and the browser drops the ones that are its filler words
// (engine.ts).
//
// Files: BUILD/z/N.sthe, the same format as w/N.sthe, listed in the
// manifest's "zthes". They are not saved for offline use (OnlineOnly):
// the browser fetches them only for a Chinese word the index lacks or
// barely uses.

// thesaurus maps each Chinese key to its targets (index terms) with
// their weights, best first. wn, when set, is WordNet, for the step from
// a gloss word the site does not use to those it does.
func (c *CEDICT) thesaurus(df map[string]int, wn *WordNet) map[string][]thesTarget {
	if c == nil {
		return nil
	}
	keyed := make(map[string][]thesTarget, len(c.words)/2)
	var best []thesTarget // one word's targets, made for its first usable key
	for _, w := range c.words {
		made := false
		for _, key := range w.keys {
			if key == "" || df[firstTerm(key)] > ThesaurusRare {
				continue
			}
			if !made {
				best, made = zhTargets(best[:0], w.glosses, df, wn), true
			}
			if len(best) == 0 {
				break
			}
			into := keyed[key] // (a new slice: best is reused)
			for _, t := range best {
				into = addTarget(into, t.term, t.weight)
			}
			keyed[key] = into
		}
	}
	for key, list := range keyed {
		keyed[key] = rankTargets(list, df)
	}
	return keyed
}

// zhTargets appends to dst the targets of one entry's glosses: the terms
// of each gloss the index holds in full; for a first gloss it does not,
// the site's words for it (zhSynonyms), at weightThesaurus of its weight.
func zhTargets(dst []thesTarget, glosses []zhGloss, df map[string]int, wn *WordNet) []thesTarget {
	for _, g := range glosses {
		w := weightThesaurus * (1 - thesaurusSenseStep*float64(g.rank))
		if !slices.ContainsFunc(g.terms, func(t string) bool { return df[t] == 0 }) {
			for _, t := range g.terms {
				dst = addTarget(dst, t, w)
			}
		} else if g.rank == 0 && wn != nil {
			for _, t := range wn.zhSynonyms(g, df) {
				dst = addTarget(dst, t, w*weightThesaurus)
			}
		}
	}
	return dst
}

// addTarget adds term to list at weight w, or raises its weight to w.
func addTarget(list []thesTarget, term string, w float64) []thesTarget {
	for i := range list {
		if list[i].term == term {
			list[i].weight = max(list[i].weight, w)
			return list
		}
	}
	return append(list, thesTarget{term, w})
}

// zhSynonyms leads a gloss the site does not use to the words it does,
// one step through WordNet: the one-word lemmas of the gloss's first
// sense (of a verb for "to …", else of a noun or adjective) whose term
// the index holds and for which that sense is among their first
// thesaurusTargetSenses ("swindler" is a "scammer"). Only that sense,
// and only for a first gloss: the English thesaurus goes further (later
// senses, broader and narrower words), but from a Chinese word two steps
// away that mostly drifts ("steal" as a noun is a bargain; "desert" as a
// verb, to abandon).
func (wn *WordNet) zhSynonyms(g zhGloss, df map[string]int) []string {
	var first synsetID
	found := false
	for _, id := range wn.senses[g.text] {
		if (id.pos == 'v') == g.verb && id.pos != 'r' {
			first, found = id, true
			break
		}
	}
	if !found {
		return nil
	}
	var out []string
	for _, l := range wn.synsets[first].lemmas {
		ts := wn.terms[l]
		if l == g.text || len(ts) != 1 || df[ts[0]] == 0 || strings.ContainsAny(l, " -") || wn.senseRank(l, first, thesaurusTargetSenses) < 0 {
			continue
		}
		out = append(out, ts[0])
	}
	return out
}

// firstTerm is the first term of a key ("律师 师费" → "律师").
func firstTerm(key string) string {
	if i := strings.IndexByte(key, ' '); i >= 0 {
		return key[:i]
	}
	return key
}

// OnlineOnly matches (as path.Match does, from the index folder) the
// files the service worker leaves out of its offline copy: the Chinese
// thesaurus, some hundreds of kilobytes of which one query needs one
// file, would not fit the offline budget. Online, the browser fetches
// them as any file; offline, a Chinese word the site does not use finds
// what its characters alone find.
const OnlineOnly = "*/z/*"
