package profiles

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// The line limit holds however the input arrives: whole, or a byte at a
// time, and whether the long line comes first, last or between others.
func TestLineLimiter(t *testing.T) {
	line := func(n int) string { return string(bytes.Repeat([]byte{'a'}, n)) }
	cases := []struct {
		name    string
		input   string
		tooLong bool
	}{
		{"a line of exactly the limit", line(maxCSVLine) + "\n", false},
		{"a line one byte over the limit", line(maxCSVLine+1) + "\n", true},
		{"a last line over the limit, without LF", "a,b\n" + line(maxCSVLine+1), true},
		{"a long line between short ones", "a,b\n" + line(maxCSVLine+1) + "\nc,d\n", true},
		{"many short lines", string(bytes.Repeat([]byte("x,y\n"), maxCSVLine/2)), false},
	}
	for _, c := range cases {
		for _, slow := range []bool{false, true} {
			var r io.Reader = bytes.NewReader([]byte(c.input))
			if slow {
				r = iotest.OneByteReader(r)
			}
			_, err := io.ReadAll(&lineLimiter{r: r})
			if got := errors.Is(err, errLongLine); got != c.tooLong {
				t.Errorf("%s (a byte at a time: %v): error %v, want too long %v", c.name, slow, err, c.tooLong)
			}
		}
	}
}
