package searchindex

import (
	"cmp"
	"slices"
)

// Typo files. A misspelt query word must find the index words a small edit
// away without the browser downloading the whole vocabulary, so every word
// is filed under keys that a single edit near its start rarely changes: the
// three two-letter strings left by deleting one letter of its first three
// ("counterfeit" → "ou", "cu", "co"). A query word with one edit in its
// first three letters (a wrong, missing, extra or swapped letter) still
// shares a key with the word it was meant to be; edits further on leave the
// prefix, and so all three keys, untouched. The browser computes the same
// keys (typo.ts), fetches the files holding them and measures the edit
// distance to the few hundred words found there.

// typoWord reports whether a folded word goes into the typo files: Latin
// letters only, long enough for a typo to be told from another word.
func typoWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// TypoKeys are the keys a word is filed under, sorted, without duplicates.
func TypoKeys(w string) []string {
	if !typoWord(w) {
		return nil
	}
	p := w[:3]
	keys := []string{p[1:3], p[:1] + p[2:3], p[:2]}
	slices.Sort(keys)
	return slices.Compact(keys)
}

type typoShard struct {
	first string
	keys  map[string][]string
}

// typoFiles files every word under its keys, most common word first, and
// packs consecutive keys into shards of about target bytes.
func typoFiles(wordDF map[string]int, target int) []typoShard {
	byKey := map[string][]string{}
	for w := range wordDF {
		for _, k := range TypoKeys(w) {
			byKey[k] = append(byKey[k], w)
		}
	}
	keys := make([]string, 0, len(byKey))
	for k, ws := range byKey {
		keys = append(keys, k)
		slices.SortFunc(ws, func(a, b string) int {
			return cmp.Or(wordDF[b]-wordDF[a], cmp.Compare(a, b))
		})
	}
	slices.Sort(keys)
	var out []typoShard
	var cur *typoShard
	size := 0
	for _, k := range keys {
		if cur == nil {
			out = append(out, typoShard{first: k, keys: map[string][]string{}})
			cur = &out[len(out)-1]
			size = 0
		}
		cur.keys[k] = byKey[k]
		for _, w := range byKey[k] {
			size += len(w) + 3
		}
		if size >= target {
			cur = nil
		}
	}
	return out
}
