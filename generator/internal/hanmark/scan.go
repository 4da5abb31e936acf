package hanmark

import (
	"bytes"
	"strings"
)

// The few facts of HTML's syntax the marker needs.

// rawText are the elements whose content the HTML parser reads as text.
var rawText = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// optionalEnd are the elements whose end tag HTML lets a minifier leave out.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "rt": true, "rp": true, "optgroup": true,
	"option": true, "colgroup": true, "caption": true, "thead": true, "tbody": true,
	"tfoot": true, "tr": true, "td": true, "th": true, "head": true, "body": true,
}

var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagNames holds one string per element name the scanner decides on, plus
// the common ones, so reading a tag allocates nothing: a page has thousands.
var tagNames = func() map[string]string {
	m := map[string]string{}
	for _, set := range []map[string]bool{rawText, optionalEnd, void} {
		for name := range set {
			m[name] = name
		}
	}
	for _, name := range strings.Fields("a abbr article aside b blockquote button code details dialog div em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header html i kbd label legend main mark nav ol output pre progress section select small span strong sub summary sup svg table template time u ul") {
		m[name] = name
	}
	return m
}()

// tagName reads a tag name starting at i, lowercased, and where it ends.
func tagName(b []byte, i int) (string, int) {
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != '>' && b[j] != '/' {
		j++
	}
	name := b[i:j]
	if s, ok := tagNames[string(name)]; ok {
		return s, j
	}
	for _, c := range name {
		if c >= 'A' && c <= 'Z' {
			return string(bytes.ToLower(name)), j
		}
	}
	return string(name), j
}

// attrs reads a start tag's attributes from i to its '>', and returns the
// value of lang, whether there was one, and where the tag ends.
func attrs(b []byte, i int) (lang string, hasLang bool, end int) {
	// Most tags have no quotes and no lang: their end is the next '>'.
	if gt := bytes.IndexByte(b[i:], '>'); gt >= 0 {
		tag := b[i : i+gt]
		if bytes.IndexByte(tag, '"') < 0 && bytes.IndexByte(tag, '\'') < 0 && !hasLangWord(tag) {
			return "", false, i + gt + 1
		}
	}
	for i < len(b) {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			i++
		}
		if i >= len(b) {
			break
		}
		if b[i] == '>' {
			return lang, hasLang, i + 1
		}
		k := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '=' && b[i] != '>' && b[i] != '/' {
			i++
		}
		key := b[k:i]
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) || b[i] != '=' {
			continue
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		var val []byte
		val, i = attrValue(b, i)
		if bytes.EqualFold(key, []byte("lang")) {
			lang, hasLang = langValue(val), true
		}
	}
	return lang, hasLang, len(b)
}

// langValue is val as a string, without allocating for the values the
// site writes on every page.
func langValue(val []byte) string {
	for _, common := range [...]string{"zh-Hans", "en", "zh-Latn-pinyin", "zh"} {
		if string(val) == common {
			return common
		}
	}
	return string(val)
}

func attrValue(b []byte, i int) ([]byte, int) {
	if i < len(b) && (b[i] == '"' || b[i] == '\'') {
		q := bytes.IndexByte(b[i+1:], b[i])
		if q < 0 {
			return b[i+1:], len(b)
		}
		return b[i+1 : i+1+q], i + 2 + q
	}
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != '>' {
		j++
	}
	return b[i:j], j
}

// rawEnd is where the end tag of a raw-text element name starts, from i.
func rawEnd(b []byte, i int, name string) int {
	for {
		k := bytes.Index(b[i:], []byte("</"))
		if k < 0 {
			return len(b)
		}
		j := i + k + 2
		if j+len(name) <= len(b) && bytes.EqualFold(b[j:j+len(name)], []byte(name)) &&
			(j+len(name) == len(b) || isSpace(b[j+len(name)]) || b[j+len(name)] == '>' || b[j+len(name)] == '/') {
			return i + k
		}
		i = j
	}
}

// skipPast returns the index just after the first sep at or after i.
func skipPast(b []byte, i int, sep string) int {
	if i > len(b) {
		return len(b)
	}
	k := bytes.Index(b[i:], []byte(sep))
	if k < 0 {
		return len(b)
	}
	return i + k + len(sep)
}

// hasLangWord reports whether tag holds "lang" in any case.
func hasLangWord(tag []byte) bool {
	for k := 0; k+4 <= len(tag); k++ {
		if tag[k]|0x20 == 'l' && bytes.EqualFold(tag[k:k+4], []byte("lang")) {
			return true
		}
	}
	return false
}
