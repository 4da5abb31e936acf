package main

import (
	"safesource.dev/safesource/generator/internal/htmltok"
	"safesource.dev/safesource/generator/internal/searchindex"
	"safesource.dev/safesource/generator/internal/sitecheck"
	"safesource.dev/safesource/generator/internal/work"
)

// pageScans reads each built page's tokens once for the two stages after
// Hugo that read every page, the search index and the output check. They
// run at the same time; whichever reaches a page first reads it for both
// (at 5,000 pages, tokenizing each page twice cost about a second).
type pageScans struct {
	m work.Memo[string, pageScan] // by URL path
}

type pageScan struct {
	search  searchindex.Page
	indexed bool
	err     error
	check   sitecheck.Parsed
}

func (s *pageScans) get(url string, src []byte) pageScan {
	v, _ := s.m.Get(url, func() (pageScan, error) {
		search, check := searchindex.NewPageReader(url, src), sitecheck.NewPageReader()
		p, indexed, err := search.Page(htmltok.Read(src, search.Token, check.Token))
		return pageScan{p, indexed, err, check.Parsed()}, nil
	})
	return v
}

// searchPage is searchindex.Extract, from the shared reading.
func (s *pageScans) searchPage(url string, src []byte) (searchindex.Page, bool, error) {
	v := s.get(url, src)
	return v.search, v.indexed, v.err
}

// checkPage is what the output check reads of a page, from the shared reading.
func (s *pageScans) checkPage(url string, src []byte) sitecheck.Parsed {
	return s.get(url, src).check
}
