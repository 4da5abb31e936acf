package contentcheck

import (
	"fmt"
	"regexp"
	"strings"
)

// Chinese characters need no mark in Markdown: the build marks every run of
// them as Chinese (generator/internal/hanmark). Pinyin cannot be told from
// English by a program, except by its tone marks: a word with a macron or
// a caron (zhuānxiàn, yùfùkuǎn) must be written [zhuānxiàn](pinyin:), which
// renders it as <span lang="zh-Latn-pinyin">.
var (
	pinyinMarked = regexp.MustCompile(`\[[^\]]*\]\(pinyin:\)`)
	pinyinWord   = regexp.MustCompile(`\p{L}*[āēīōūǖǎěǐǒǔǚǘǜĀĒĪŌŪǍĚǏǑǓ]\p{L}*`)
)

// checkPinyin reports each unmarked word with a pinyin tone mark in body,
// whose first line is line of file. Code (fenced blocks, `inline`) is not
// read.
func checkPinyin(file string, line int, body string) Problems {
	var out Problems
	fenced := false
	for i, l := range strings.Split(body, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		l = pinyinMarked.ReplaceAllString(l, "")
		l = inlineCode.ReplaceAllString(l, "")
		for _, w := range pinyinWord.FindAllString(l, -1) {
			out = append(out, Problem{File: file, Line: line + i, Msg: fmt.Sprintf("“%s” looks like pinyin: write [%s](pinyin:) so it is read as Chinese in Latin letters (docs/CONTENT-CONTRACT.md, \"Chinese\")", w, w)})
		}
	}
	return out
}

var inlineCode = regexp.MustCompile("`[^`]*`")
