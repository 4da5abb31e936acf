package checker

import (
	"strings"
	"testing"
)

func TestImportJSON(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`[{"badges": "none", "store_years": 2}, {"platform": "ebay"}, 3]`,
			`{"profiles":[{"store_years":2,"badges":[]}],"errors":[{"line":1,"field":"platform","problem":"unknown value \"ebay\" (allowed: 1688, alibaba, other, unknown)"},{"line":1,"field":"","problem":"list item 3 is a number, not a profile object {…}"}]}`},
		{`{"supplier_name": "A\u200b"}`, `{"profiles":[{"supplier_name":"A\u200b"}],"errors":[]}`},
		{`[]`, `{"profiles":[],"errors":[{"line":1,"field":"","problem":"the list is empty: there are no profiles to score"}]}`},
	} {
		if got := string(ImportJSON([]byte(c.in))); got != c.want {
			t.Errorf("ImportJSON(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestExportCSV(t *testing.T) {
	out, problems := ExportCSV([]byte(`[{"supplier_name": "@SUM(1)", "platform": "alibaba"}]`))
	if problems != nil || !strings.HasPrefix(string(out), "supplier_name,platform,") || !strings.Contains(string(out), "\r\n'@SUM(1),alibaba,") {
		t.Errorf("ExportCSV = %q, %s", out, problems)
	}
	out, problems = ExportCSV([]byte(`{"platform": "ebay"}`))
	if out != nil || !strings.Contains(string(problems), `unknown value \"ebay\"`) {
		t.Errorf("ExportCSV of a bad profile = %q, %s", out, problems)
	}
}
