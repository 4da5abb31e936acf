package precache

import (
	"strings"
	"testing"
	"testing/fstest"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		"index.html":              {Data: []byte("<h1>home</h1>")},
		"guide/index.html":        {Data: []byte("<h1>guide</h1>")},
		"guide/x/index.html":      {Data: []byte("<h1>x</h1>")},
		"404.html":                {Data: []byte("not found")},
		"assets/main.abc.js":      {Data: []byte("console.log(1)")},
		"search-index/s/0.shard":  {Data: []byte{0, 1, 2}},
		"search-index/b/z/0.sthe": {Data: []byte{3}},
		"robots.txt":              {Data: []byte("User-agent: *")},
		"sw.js":                   {Data: []byte("old worker")},
	}
}

func TestCollectListsEveryFileByURL(t *testing.T) {
	m, err := Collect(site(), []string{"robots.txt", "search-index/*/z/*"})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, e := range m.Entries {
		urls = append(urls, e.URL)
		if len(e.Hash) != hashLen {
			t.Errorf("%s: hash %q is not %d hex digits", e.URL, e.Hash, hashLen)
		}
	}
	want := "/ /404.html /assets/main.abc.js /guide/ /guide/x/ /search-index/s/0.shard"
	if got := strings.Join(urls, " "); got != want {
		t.Errorf("URLs:\n got %s\nwant %s", got, want)
	}
	if m.Bytes() != len("<h1>home</h1>")+len("<h1>guide</h1>")+len("<h1>x</h1>")+len("not found")+len("console.log(1)")+3 {
		t.Errorf("Bytes() = %d", m.Bytes())
	}
}

func TestVersionFollowsContent(t *testing.T) {
	fsys := site()
	a, _ := Collect(fsys, nil)
	again, _ := Collect(fsys, nil)
	if a.Version != again.Version {
		t.Fatalf("same files, different versions: %s, %s", a.Version, again.Version)
	}
	fsys["sw.js"] = &fstest.MapFile{Data: []byte("another worker")}
	if w, _ := Collect(fsys, nil); w.Version != a.Version {
		t.Errorf("the worker itself changed the version")
	}
	fsys["guide/x/index.html"] = &fstest.MapFile{Data: []byte("<h1>x, edited</h1>")}
	b, _ := Collect(fsys, nil)
	if b.Version == a.Version {
		t.Errorf("an edited page kept version %s", a.Version)
	}
}

func TestCollectEmptySite(t *testing.T) {
	if _, err := Collect(fstest.MapFS{}, nil); err == nil || !strings.Contains(err.Error(), "run the build first") {
		t.Errorf("err = %v, want a hint to build first", err)
	}
}

func TestURLOf(t *testing.T) {
	for file, want := range map[string]string{
		"index.html":           "/",
		"guide/index.html":     "/guide/",
		"404.html":             "/404.html",
		"a b/index.html":       "/a%20b/",
		"assets/x.wasm":        "/assets/x.wasm",
		"guide/xindex.html":    "/guide/xindex.html",
		"search-index/m.smeta": "/search-index/m.smeta",
	} {
		if got := URLOf(file); got != want {
			t.Errorf("URLOf(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestBundleBuildsManifestIn(t *testing.T) {
	m, err := Collect(site(), nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := Bundle("testdata/worker/entry.ts", m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"` + m.Version + `"`, `"/guide/x/"`, `"/search-index/s/0.shard"`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("bundle lacks %s:\n%s", want, js)
		}
	}
	if strings.Contains(string(js), "PRECACHE") {
		t.Errorf("PRECACHE left undefined in the bundle:\n%s", js)
	}
	if !Holds(js, m) {
		t.Error("Holds: false for the manifest just built in")
	}
	other := m
	other.Version = "0000000000000000"
	if Holds(js, other) {
		t.Error("Holds: true for another version")
	}
}

func TestBundleReportsWhere(t *testing.T) {
	m, _ := Collect(site(), nil)
	_, err := Bundle("testdata/worker/broken.ts", m)
	if err == nil || !strings.Contains(err.Error(), "broken.ts:1:") {
		t.Errorf("err = %v, want the file and line of the mistake", err)
	}
}

func TestCollectRejectsABadPattern(t *testing.T) {
	if _, err := Collect(site(), []string{"search-index/[z"}); err == nil || !strings.Contains(err.Error(), "search-index/[z") {
		t.Errorf("a malformed pattern: err = %v, want one naming it", err)
	}
}
