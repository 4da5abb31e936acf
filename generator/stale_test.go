package main

import (
	"strings"
	"testing"
)

func TestStaleCommand(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		code int
		out  []string // lines expected on stdout, in order
		not  []string
	}{
		{"fixed now lists what is older than six months, oldest first",
			[]string{"-root", "testdata/stale", "-now", "2026-12-01"}, 0,
			[]string{"2 item(s) last reviewed before 2026-06-01", "data/contacts.yaml:2: contact old-body last reviewed 2026-01-15", "content/old.md:3: page content/old.md last reviewed 2026-03-01"},
			[]string{"new"}},
		{"nothing stale still exits 0",
			[]string{"-root", "testdata/stale", "-now", "2026-02-01"}, 0,
			[]string{"nothing to re-verify"}, nil},
		{"a shorter cycle lists more",
			[]string{"-root", "testdata/stale", "-now", "2027-01-01", "-months", "1"}, 0,
			[]string{"4 item(s)"}, nil},
		{"a bad -now is a usage error", []string{"-now", "tomorrow"}, 2, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			code := run(append([]string{"stale"}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			out, at := stdout.String(), 0
			for _, w := range tt.out {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("stdout lacks %q after offset %d:\n%s", w, at, out)
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("stdout mentions %q:\n%s", n, out)
				}
			}
		})
	}
}
