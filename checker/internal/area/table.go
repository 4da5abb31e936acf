package area

import "strings"

// entry is one line of table.
type entry struct {
	name, pinyin, until string
}

// lineStarts holds the offset in table of each line, in code order, built on
// the first lookup so that programs that never decode a code pay nothing.
var lineStarts []int

func index() []int {
	if lineStarts == nil {
		starts := make([]int, 0, strings.Count(table, "\n")+1)
		for at := 0; at < len(table); {
			starts = append(starts, at)
			next := strings.IndexByte(table[at:], '\n')
			if next < 0 {
				break
			}
			at += next + 1
		}
		lineStarts = starts
	}
	return lineStarts
}

// find looks a six-digit code up by binary search over the sorted lines.
func find(code string) (entry, bool) {
	starts := index()
	lo, hi := 0, len(starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if table[starts[mid]:starts[mid]+6] < code {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(starts) || table[starts[lo]:starts[lo]+6] != code {
		return entry{}, false
	}
	return parse(line(starts[lo])), true
}

func line(start int) string {
	l := table[start:]
	if end := strings.IndexByte(l, '\n'); end >= 0 {
		l = l[:end]
	}
	return l
}

// parse splits "code\tname\tpinyin[\tuntil]".
func parse(l string) entry {
	f := strings.Split(l, "\t")
	e := entry{name: f[1], pinyin: f[2]}
	if len(f) > 3 {
		e.until = f[3]
	}
	return e
}
