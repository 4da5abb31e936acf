package contentcheck

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestStale(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		cutoff time.Time
		want   []string
	}{
		{"six months before 1 December", now.AddDate(0, -6, 0), []string{
			"contacts.yaml:3: contact old-body last reviewed 2025-12-31",
			"content/guide/old.md:3: page content/guide/old.md last reviewed 2026-01-10",
		}},
		{"a day later the six-month-old page is stale too", now.AddDate(0, -6, 1), []string{
			"contacts.yaml:3: contact old-body last reviewed 2025-12-31",
			"content/guide/old.md:3: page content/guide/old.md last reviewed 2026-01-10",
			"content/guide/edge.md:3: page content/guide/edge.md last reviewed 2026-06-01",
		}},
		{"nothing is older than 2025", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, probs := Stale(os.DirFS("testdata/stale"), "content", "contacts.yaml", tt.cutoff)
			var got []string
			for _, it := range items {
				got = append(got, it.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("stale items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(probs) != 1 || !strings.Contains(probs[0].String(), `contacts.yaml:8: "soon" is not a date`) {
				t.Errorf("want one problem for the bad date, got %v", probs)
			}
		})
	}
}
