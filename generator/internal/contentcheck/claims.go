package contentcheck

import (
	"bytes"
	"regexp"
	"strings"
)

// Claim is a sentence, list item or table row that looks like it states a
// law, a platform rule, a fee, a deadline, a threshold or a contact detail,
// found without a citation or an own-policy mark.
type Claim struct {
	File string
	Line int
	Text string
}

// Problem is the claim as a content problem, with the fix.
func (c Claim) Problem() Problem {
	return Problem{File: c.File, Line: c.Line, Msg: "uncited claim: “" + c.Text + "” — cite it with [locator](cite:KEY), or mark the site's own policy with [our policy](own:)"}
}

func (c Claim) String() string { return c.Problem().String() }

// Markers that stand in for a citation while a block is split into sentences.
const citeMark = "\u2063CITE\u2063"

var (
	plainLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	shortcode  = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	attrBlock  = regexp.MustCompile(`\{[.#][^}]*\}`)
	listMarker = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+`)
	tableRule  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}`)
	// sentenceEnd ends a sentence: . ! or ? (and any citations written
	// after it) followed by a space and a capital, a digit, an opening quote
	// or bracket.
	sentenceEnd = regexp.MustCompile(`[.!?]["”’)]?(?:` + citeMark + `)*\s+(?:` + citeMark + `\s*)*["“‘(]?[A-Z0-9¥$€£]`)
)

// claimSignals are what makes a sentence a checkable claim. Each is a
// pattern a reviewer would look up: a figure, a legal reference, a contact
// detail, or a platform rule stated as an obligation or a limit.
var claimSignals = []*regexp.Regexp{
	// Figures: digits (except the marketplace's name 1688), percentages, money.
	regexp.MustCompile(`(?:^|[^0-9A-Za-z])(?:[0-9][0-9,.]*)(?:[^0-9]|$)`),
	regexp.MustCompile(`%|¥|€|£|US\$|\bRMB\b|\bCNY\b|\bUSD\b|元`),
	regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|hundred|thousand|double|twice|half)[- ](calendar |working |business )?(days?|weeks?|months?|years?|hours?|percent|times|digits?|characters?)\b`),
	// Legal references.
	regexp.MustCompile(`\b(Article|Art\.|art\.|arts\.)\s*\d|《|第[一二三四五六七八九十百零〇0-9]+条|\b(Civil Code|Criminal Law|Contract Law|Law of the People's Republic|Regulations? on|Measures for|Provisions on|Order No)\b`),
	// Contact details.
	regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.gov(\.[a-z]{2})?\b|\bhttps?://`),
}

// platformRule: a platform service or payment route named together with an
// obligation, a limit or a promise.
var (
	platformThing = regexp.MustCompile(`(?i)\b(trade assurance|alipay|wechat pay|paypal|chargeback|claim period|verified supplier|gold supplier|诚信通|chengxintong|escrow|dispute window|refund)\b`)
	ruleWord      = regexp.MustCompile(`(?i)\b(must|within|only|cannot|can't|will not|won't|automatically|guarantees?|covers?|protects?|requires?|entitled|deadline|limit|at most|at least|no later than)\b`)
)

func isClaim(s string) bool {
	s = strings.ReplaceAll(s, "1688", "")
	for _, re := range claimSignals {
		if re.MatchString(s) {
			return true
		}
	}
	return platformThing.MatchString(s) && ruleWord.MatchString(s)
}

// claimsIn lists the uncited claims in one block of Markdown text (a
// paragraph, a list item or a table row) starting at line.
func claimsIn(file string, line int, block string, row bool) []Claim {
	text := citeLink.ReplaceAllString(block, citeMark)
	text = ownLink.ReplaceAllString(text, citeMark)
	text = plainLink.ReplaceAllString(text, "$1")
	text = shortcode.ReplaceAllString(text, "")
	text = attrBlock.ReplaceAllString(text, "")
	text = strings.Join(strings.Fields(text), " ")
	if row {
		if isClaim(strings.ReplaceAll(text, citeMark, "")) && !strings.Contains(text, citeMark) {
			return []Claim{{File: file, Line: line, Text: clip(text)}}
		}
		return nil
	}
	var out []Claim
	rawLines := strings.Split(block, "\n")
	at := 0 // the raw line where the current sentence starts
	for _, s := range sentences(text) {
		at = sentenceLine(rawLines, at, s)
		if !strings.Contains(s, citeMark) && isClaim(s) {
			out = append(out, Claim{File: file, Line: line + at, Text: clip(s)})
		}
	}
	return out
}

// sentenceLine finds the line, from `from` on, holding the sentence's first
// two words, so a claim is reported where it starts, not where its
// paragraph does.
func sentenceLine(lines []string, from int, sentence string) int {
	words := strings.Fields(strings.ReplaceAll(sentence, citeMark, " "))
	if len(words) > 2 {
		words = words[:2]
	}
	probe := strings.Join(words, " ")
	for i := from; i < len(lines) && probe != ""; i++ {
		if strings.Contains(lines[i], probe) {
			return i
		}
	}
	return from
}

// sentences splits text at sentence ends. A citation placed just after the
// full stop still belongs to the sentence before it.
func sentences(text string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			break
		}
		cut := loc[1] - 1 // keep the capital that starts the next sentence
		for cut > loc[0] && text[cut-1] != ' ' && text[cut-1] != '\t' {
			cut--
		}
		out = append(out, strings.TrimSpace(text[:cut]))
		text = text[cut:]
	}
	out = append(out, strings.TrimSpace(text))
	// Move a leading citation mark back to the sentence it follows.
	for i := 1; i < len(out); i++ {
		for strings.HasPrefix(out[i], citeMark) {
			out[i-1] += citeMark
			out[i] = strings.TrimSpace(strings.TrimPrefix(out[i], citeMark))
		}
	}
	return out
}

// markdownClaims walks a page body: fenced code, headings and table header
// rows are skipped; paragraphs, list items and table rows are checked.
func markdownClaims(file string, firstLine int, body []byte) []Claim {
	var out []Claim
	var block []string
	blockLine := 0
	flush := func() {
		if len(block) > 0 {
			out = append(out, claimsIn(file, blockLine, strings.Join(block, "\n"), false)...)
		}
		block = nil
	}
	lines := strings.Split(string(body), "\n")
	fenced := false
	for i, raw := range lines {
		n := firstLine + i
		l := strings.TrimRight(raw, "\r")
		trim := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			flush()
			fenced = !fenced
		case fenced:
		case trim == "" || strings.HasPrefix(trim, "#") || attrBlock.MatchString(trim) && attrBlock.FindString(trim) == trim:
			flush()
		case strings.HasPrefix(trim, "|"):
			flush()
			if tableRule.MatchString(trim) {
				continue
			}
			if i+1 < len(lines) && tableRule.MatchString(strings.TrimSpace(lines[i+1])) {
				continue // the header row names columns; the rows below state the facts
			}
			out = append(out, claimsIn(file, n, trim, true)...)
		case listMarker.MatchString(l):
			flush()
			block, blockLine = []string{listMarker.ReplaceAllString(l, "")}, n
		default:
			if len(block) == 0 {
				blockLine = n
			}
			block = append(block, trim)
		}
	}
	flush()
	return out
}

// pageBody returns the Markdown after the front matter and its first line
// number.
func pageBody(src []byte) ([]byte, int) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	fm, _, ok := splitFrontMatter(src)
	if !ok {
		return src, 1
	}
	start := bytes.IndexByte(src, '\n') + 1 + len(fm)
	rest := src[start:]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, 0
	}
	return rest[nl+1:], 3 + bytes.Count(fm, []byte("\n"))
}

func clip(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:157]) + "…"
	}
	return s
}
