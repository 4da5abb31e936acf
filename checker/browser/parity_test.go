//go:build !js

package browser

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

// wasmRunner loads the .wasm in Node the way a page's worker does
// (wasm_exec.js, then the global safesource object), makes every call on
// the inputs and prints what each returned.
const wasmRunner = `
const fs = require("fs");
const [wasmExec, wasmPath, inputsPath] = process.argv.slice(2);
require(wasmExec);
const inputs = JSON.parse(fs.readFileSync(inputsPath, "utf8"));
const go = new Go();
WebAssembly.instantiate(fs.readFileSync(wasmPath), go.importObject).then(({ instance }) => {
  go.run(instance);
  if (globalThis.safesourceReady !== true) throw new Error("safesourceReady is not set");
  const out = {
    score: inputs.profiles.map((p) => safesource.score(p)),
    uscc: inputs.codes.map((c) => safesource.uscc(c)),
    rescore: inputs.profiles.map((p) => safesource.score(p, 1)),
    decode: inputs.files.map((f) => safesource.decode(f.name, new Uint8Array(Buffer.from(f.data, "base64")))),
    link: inputs.links.map((pairs) => safesource.link(pairs)),
    csv: inputs.profiles.map((p) => safesource.csv("[" + p + "]")),
    rescoreBadVersion: safesource.score("{}", "1"),
    rulesVersion: safesource.rulesVersion,
    notString: safesource.score(42),
  };
  // Exit only once the pipe has taken everything: a large result is
  // written asynchronously and would be cut short.
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
}).catch((e) => { console.error(e); process.exit(1); });
`

// parityInputs is what the runner is given: profile objects, credit codes,
// files to import and share links' pairs.
type parityInputs struct {
	Profiles []string      `json:"profiles"`
	Codes    []string      `json:"codes"`
	Files    []parityFile  `json:"files"`
	Links    [][][2]string `json:"links"`
}

type parityFile struct {
	Name string `json:"name"`
	Data []byte `json:"data"` // base64 in JSON
}

// parityOutputs is what the runner prints.
type parityOutputs struct {
	Score             []string `json:"score"`
	USCC              []string `json:"uscc"`
	Rescore           []string `json:"rescore"`
	Decode            []string `json:"decode"`
	Link              []string `json:"link"`
	CSV               []string `json:"csv"`
	RescoreBadVersion string   `json:"rescoreBadVersion"`
	RulesVersion      int      `json:"rulesVersion"`
	NotString         string   `json:"notString"`
}

// TestWasmParity builds checker/wasm, makes every call in Node through it
// on the corpus (the checker's test profiles and import files), and requires
// byte-identical JSON to the same calls made natively.
func TestWasmParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH: skipping the WebAssembly parity test")
	}
	wasm, wasmExec := buildWasm(t)
	reportSize(t, wasm, node)
	in := readParityInputs(t)
	got := runWasm(t, node, wasmExec, wasm, in)
	same := func(call string, i int, wasm, native []byte) {
		if string(wasm) != string(native) {
			t.Errorf("%s #%d: wasm and native differ:\nwasm   %s\nnative %s", call, i, wasm, native)
		}
	}
	if len(got.Score) != len(in.Profiles) || len(got.USCC) != len(in.Codes) || len(got.Decode) != len(in.Files) || len(got.Link) != len(in.Links) {
		t.Fatalf("runner returned %d scores, %d codes, %d files, %d links", len(got.Score), len(got.USCC), len(got.Decode), len(got.Link))
	}
	for i, p := range in.Profiles {
		same("score", i, []byte(got.Score[i]), Score([]byte(p), 0))
		same("score from rules v1", i, []byte(got.Rescore[i]), Score([]byte(p), 1))
		same("csv", i, []byte(got.CSV[i]), CSV([]byte("["+p+"]")))
	}
	for i, code := range in.Codes {
		same("uscc", i, []byte(got.USCC[i]), USCC(code))
	}
	for i, f := range in.Files {
		same("decode "+f.Name, i, []byte(got.Decode[i]), Decode(f.Name, f.Data))
	}
	for i, pairs := range in.Links {
		same("link", i, []byte(got.Link[i]), Link(pairs))
	}
	same("score from a version that is not a number", 0, []byte(got.RescoreBadVersion), Score([]byte("{}"), 0))
	same("score(42)", 0, []byte(got.NotString), Score(nil, 0))
	if got.RulesVersion != checker.RulesVersion() {
		t.Errorf("safesource.rulesVersion = %d, want %d", got.RulesVersion, checker.RulesVersion())
	}
	t.Logf("%d profiles, %d codes, %d files and %d links give identical JSON natively and in wasm", len(in.Profiles), len(in.Codes), len(in.Files), len(in.Links))
}

// buildWasm builds checker/wasm as the site does and finds Go's loader.
func buildWasm(t *testing.T) (wasm, wasmExec string) {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the wasm: %v", err)
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	wasmExec = filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(wasmExec); err != nil {
		t.Fatalf("wasm_exec.js not found where Go 1.24+ keeps it: %v", err)
	}
	wasm = filepath.Join(t.TempDir(), "checker.wasm")
	build := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "../wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm: %v\n%s", err, out)
	}
	return wasm, wasmExec
}

// readParityInputs gathers the checker's test profiles and import files and
// the codes and links of testdata/parity.json.
func readParityInputs(t *testing.T) parityInputs {
	t.Helper()
	in := loadJSON[parityInputs](t, filepath.Join("testdata", "parity.json"))
	profiles, _ := filepath.Glob(filepath.Join("..", "testdata", "profiles", "*.json"))
	imports, _ := filepath.Glob(filepath.Join("..", "testdata", "import", "*"))
	if len(profiles) == 0 || len(imports) == 0 {
		t.Fatal("no profiles in ../testdata/profiles or files in ../testdata/import")
	}
	for _, f := range profiles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in.Profiles = append(in.Profiles, string(data))
	}
	for _, f := range imports {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in.Files = append(in.Files, parityFile{Name: filepath.Base(f), Data: data})
	}
	return in
}

// runWasm runs the calls in Node.
func runWasm(t *testing.T, node, wasmExec, wasm string, in parityInputs) parityOutputs {
	t.Helper()
	dir := t.TempDir()
	inputsJSON, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	inputsPath := filepath.Join(dir, "inputs.json")
	runner := filepath.Join(dir, "runner.js")
	if err := os.WriteFile(inputsPath, inputsJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(runner, []byte(wasmRunner), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, runner, wasmExec, wasm, inputsPath)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.Bytes())
	}
	var got parityOutputs
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("runner output: %v\n%s", err, out)
	}
	return got
}

// reportSize logs the wasm size and holds it to the 700 KB brotli budget,
// compressed with the brotli tool or, without it, Node's zlib at quality 11.
func reportSize(t *testing.T, wasm, node string) {
	data, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(data)
	w.Close()
	t.Logf("checker.wasm: %d bytes raw, %d gzip -9", len(data), gz.Len())
	var out []byte
	if brotli, err := exec.LookPath("brotli"); err == nil {
		out, err = exec.Command(brotli, "-c", wasm).Output()
		if err != nil {
			t.Fatalf("brotli: %v", err)
		}
	} else {
		const compress = `const z = require("zlib");
process.stdout.write(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]), {params: {[z.constants.BROTLI_PARAM_QUALITY]: 11}}));`
		out, err = exec.Command(node, "-e", compress, wasm).Output()
		if err != nil {
			t.Fatalf("brotli through node: %v", err)
		}
	}
	t.Logf("checker.wasm: %d bytes brotli (budget 716800, goal 563200)", len(out))
	if len(out) > 700*1024 {
		t.Errorf("checker.wasm is %d bytes brotli, over the 700 KB budget", len(out))
	}
}
