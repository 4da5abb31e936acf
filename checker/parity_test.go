//go:build !js

package checker

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// wasmRunner loads the .wasm in Node the way a page does (wasm_exec.js, then
// the global safesource object) and prints every result as JSON.
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
    rescore: inputs.profiles.map((p) => safesource.rescore(p, 1)),
    rescoreBadVersion: safesource.rescore("{}", "1"),
    rulesVersion: safesource.rulesVersion,
    notString: safesource.score(42),
  };
  // Exit only once the pipe has taken everything: a large result is
  // written asynchronously and would be cut short.
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
}).catch((e) => { console.error(e); process.exit(1); });
`

// TestWasmParity builds checker/wasm, scores the corpus in Node through it,
// and requires byte-identical JSON to the native results.
func TestWasmParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH: skipping the WebAssembly parity test")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the wasm: %v", err)
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if _, err := os.Stat(wasmExec); err != nil {
		t.Fatalf("wasm_exec.js not found where Go 1.24+ keeps it: %v", err)
	}

	dir := t.TempDir()
	wasm := filepath.Join(dir, "checker.wasm")
	build := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm: %v\n%s", err, out)
	}
	reportSize(t, wasm, node)

	files := corpus(t)
	inputs := struct {
		Profiles []string `json:"profiles"`
		Codes    []string `json:"codes"`
	}{Codes: append(slicesOfSampleCodes(), "", "  9144-0300-7152-6726-xg", "9133０100716105852F")}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs.Profiles = append(inputs.Profiles, string(data))
	}
	inputsJSON, _ := json.Marshal(inputs)
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
	var got struct {
		Score             []string `json:"score"`
		USCC              []string `json:"uscc"`
		Rescore           []string `json:"rescore"`
		RescoreBadVersion string   `json:"rescoreBadVersion"`
		RulesVersion      int      `json:"rulesVersion"`
		NotString         string   `json:"notString"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("runner output: %v\n%s", err, out)
	}
	if len(got.Score) != len(files) || len(got.USCC) != len(inputs.Codes) {
		t.Fatalf("runner returned %d scores and %d codes", len(got.Score), len(got.USCC))
	}
	for i, f := range files {
		if want := string(ScoreJSON([]byte(inputs.Profiles[i]))); got.Score[i] != want {
			t.Errorf("%s: wasm and native differ:\nwasm   %s\nnative %s", f, got.Score[i], want)
		}
	}
	for i, f := range files {
		if want := string(ScoreAgainJSON([]byte(inputs.Profiles[i]), 1)); got.Rescore[i] != want {
			t.Errorf("%s: rescore from v1: wasm and native differ:\nwasm   %s\nnative %s", f, got.Rescore[i], want)
		}
	}
	if want := string(ScoreAgainJSON([]byte("{}"), 0)); got.RescoreBadVersion != want {
		t.Errorf("rescore with a version that is not a number: wasm %s, want %s", got.RescoreBadVersion, want)
	}
	if got.RulesVersion != RulesVersion() {
		t.Errorf("safesource.rulesVersion = %d, want %d", got.RulesVersion, RulesVersion())
	}
	for i, code := range inputs.Codes {
		if want := string(USCCJSON(code)); got.USCC[i] != want {
			t.Errorf("uscc %q: wasm %s, native %s", code, got.USCC[i], want)
		}
	}
	if want := string(ScoreJSON(nil)); got.NotString != want {
		t.Errorf("score(42): wasm %s, want %s", got.NotString, want)
	}
	t.Logf("%d profiles and %d codes give identical JSON natively and in wasm", len(files), len(inputs.Codes))
}

func slicesOfSampleCodes() []string { return append([]string(nil), sampleCodes...) }

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
