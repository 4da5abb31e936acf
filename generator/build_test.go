package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

// copyFixture copies testdata/site into a temp dir so builds never write
// into the repository.
func copyFixture(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk("testdata/site", func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/site", p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func buildFixture(t *testing.T, root string) (string, error) {
	t.Helper()
	var out strings.Builder
	b, err := newBuilder(config{root: root, out: "public"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	b.ruleLinks = false // the fixture has no red-flag pages for the rules to point at
	b.sharedCache = filepath.Join(root, "build", "cache")
	err = b.build()
	return out.String(), err
}

func TestBuildFixtureSite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	root := copyFixture(t)
	log, err := buildFixture(t, root)
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, log)
	}
	for _, stage := range []string{"rules", "content", "wasm", "hugo", "search", "offline", "check"} {
		if !strings.Contains(log, "▸ "+stage) {
			t.Errorf("stage %s not reported:\n%s", stage, log)
		}
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, "public", name))
		if err != nil {
			t.Fatalf("missing output %s: %v", name, err)
		}
		return string(data)
	}
	first := read("guide/first/index.html")
	mustContain(t, "first step page", first,
		`<title>First step · Fixture</title>`,
		`name=description content="The first step of the fixture guide, linking to the second."`,
		`rel=canonical href=https://fixture.example/guide/first/`,
		`id=check-the-licence`,
		`data-copy-anchor=check-the-licence`,
		`rel=next href=/guide/second/`,
		`Key points`,
		`datetime=2026-01-02`,
		`Fixture source A`,
	)
	second := read("guide/second/index.html")
	mustContain(t, "second step page", second, `rel=prev href=/guide/first/`)
	for name, page := range map[string]string{"first": first, "second": second, "home": read("index.html")} {
		if regexp.MustCompile(`<script>|<script [^>]*>[^<]+</script>|\sstyle=`).MatchString(page) {
			t.Errorf("%s page has an inline script or style attribute", name)
		}
		if strings.Contains(page, "http://") || regexp.MustCompile(`src=https?://`).MatchString(page) {
			t.Errorf("%s page references another origin", name)
		}
	}
	mustContain(t, "sitemap", read("sitemap.xml"), "https://fixture.example/guide/first/")
	mustContain(t, "robots.txt", read("robots.txt"), "Sitemap: https://fixture.example/sitemap.xml")
	mustContain(t, "RSS feed", read("index.xml"), "<item>", "First step")
	css, _ := filepath.Glob(filepath.Join(root, "public", "assets", "site.min.*.css"))
	js, _ := filepath.Glob(filepath.Join(root, "public", "assets", "main.*.js"))
	if len(css) != 1 || len(js) != 1 {
		t.Errorf("want one fingerprinted stylesheet and script, got %v %v", css, js)
	}
	checkOfflineWorker(t, root, read)
}

// checkOfflineWorker verifies the built fixture's service worker precaches
// its pages, and that the output check catches a page edited after the
// offline stage until the stage runs again.
func checkOfflineWorker(t *testing.T, root string, read func(string) string) {
	t.Helper()
	mustContain(t, "home page", read("index.html"), `data-service-worker=/sw.js`)
	worker := read("sw.js")
	mustContain(t, "service worker", worker, `"/guide/first/"`, `"/404.html"`, `"/search-index/`)
	for _, crawler := range []string{`"/robots.txt"`, `"/sitemap.xml"`, `"/sw.js"`} {
		if strings.Contains(worker, crawler) {
			t.Errorf("service worker precaches %s", crawler)
		}
	}
	page := filepath.Join(root, "public", "guide", "second", "index.html")
	if err := os.WriteFile(page, []byte(read("guide/second/index.html")+"<!-- edited -->"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	b, err := newBuilder(config{root: root, out: "public"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	b.ruleLinks = false
	if err := b.checkOnly(); err == nil || !strings.Contains(err.Error(), "/sw.js: precaches another version") {
		t.Errorf("check after editing a page: want a stale service worker problem, got %v", err)
	}
	if err := b.offlineOnly(); err != nil {
		t.Fatal(err)
	}
	if err := b.checkOnly(); err != nil {
		t.Errorf("check after re-running the offline stage: %v", err)
	}
	if read("sw.js") == worker {
		t.Error("the offline stage did not change the worker after a page changed")
	}
}

func TestBuildFailsOnBrokenAnchor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	root := copyFixture(t)
	page := filepath.Join(root, "content", "guide", "second.md")
	src, _ := os.ReadFile(page)
	broken := strings.Replace(string(src), "../first/#check-the-licence", "/guide/first/#no-such-step", 1)
	if err := os.WriteFile(page, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := buildFixture(t, root)
	if err == nil {
		t.Fatal("build passed with a broken anchor")
	}
	for _, want := range []string{"content/guide/second.md:13", `no element with id "no-such-step"`, "fix:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestBuildFailsOnMissingFrontMatter(t *testing.T) {
	root := copyFixture(t)
	page := filepath.Join(root, "content", "guide", "first.md")
	src, _ := os.ReadFile(page)
	if err := os.WriteFile(page, []byte(strings.Replace(string(src), "sources: [doc-a]\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := buildFixture(t, root)
	if err == nil || !strings.Contains(err.Error(), "content/guide/first.md:2: front matter lacks `sources`") {
		t.Fatalf("want a positioned front matter error, got %v", err)
	}
}

func TestRunUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage:"},
		{[]string{"frobnicate", "-root", "testdata/site"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "-root", "testdata/nowhere"}, 2, "has no hugo.toml"},
		{[]string{"build", "-root", "testdata/site", "extra"}, 2, `unexpected argument "extra"`},
	} {
		var stderr strings.Builder
		if code := run(tt.args, io.Discard, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("run(%q) = %d, %q; want %d containing %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s lacks %q", what, sub)
		}
	}
}

func TestCheckStartResult(t *testing.T) {
	for _, tt := range []struct {
		name, result, wantErr string
	}{
		{"the real rules", string(startResult()), ""},
		{"next steps only", `{"score":0,"findings":[],"positives":[],"improvements":[],"actions":[{"id":"a"}]}`, ""},
		{"a finding", `{"findings":[{"id":"f"}],"positives":[],"improvements":[]}`, "1 findings, 0 reassuring signs and 0 improvements"},
		{"an improvement", `{"findings":[],"positives":[],"improvements":[{"question":"q"}]}`, "0 findings, 0 reassuring signs and 1 improvements"},
		{"refused", `{"errors":[{"field":"x","problem":"bad"}]}`, "scoring an empty questionnaire"},
		{"not JSON", `oops`, "scoring an empty questionnaire"},
	} {
		err := checkStartResult([]byte(tt.result))
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		} else if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.wantErr)
		}
	}
}

// snapshot reads every file under dir (a built site's search index).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A build that takes unchanged pages from build/cache writes exactly what
// a build from nothing writes: after no change, and after a page changed.
func TestCachedRebuildMatchesCleanBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	root := copyFixture(t)
	out := func() map[string]string {
		t.Helper()
		if log, err := buildFixture(t, root); err != nil {
			t.Fatalf("build failed: %v\n%s", err, log)
		}
		files := snapshot(t, filepath.Join(root, "public", searchDir))
		sw, err := os.ReadFile(filepath.Join(root, "public", "sw.js"))
		if err != nil {
			t.Fatal(err)
		}
		files["../sw.js"] = string(sw)
		return files
	}
	same := func(what string, got, want map[string]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", what, len(got), len(want))
		}
		for name, data := range want {
			if got[name] != data {
				t.Errorf("%s: %s differs from a build without caches", what, name)
			}
		}
	}
	clean := out()
	if entries, _ := os.ReadDir(filepath.Join(root, "build", "cache", "search-files")); len(entries) < 3 {
		t.Fatalf("the search file store holds %d files after a build", len(entries))
	}
	same("a rebuild with nothing changed", out(), clean)

	page := filepath.Join(root, "content", "guide", "second.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(src, []byte("\nA new paragraph about escrow deposits and freight.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	cached := out()
	if err := os.RemoveAll(filepath.Join(root, "build", "cache")); err != nil {
		t.Fatal(err)
	}
	fresh := out()
	same("a rebuild after an edit", cached, fresh)
	if reflect.DeepEqual(fresh, clean) {
		t.Error("the edit changed nothing in the search index: the test proves nothing")
	}
}

// startResult is the result the build writes for a questionnaire with
// nothing answered.
func startResult() []byte {
	r := checker.Score(checker.Profile{})
	return r.AppendJSON(nil)
}
