package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"safesource.dev/safesource/checker/internal/rulestext"
)

// The generated file is valid Go whose constant holds the input exactly,
// with or without characters a raw string cannot hold.
func TestRun(t *testing.T) {
	for _, data := range []string{"{\n  \"a\": \"b\"\n}\n", "{\"a\": \"`x`\"}\r\n"} {
		dir := t.TempDir()
		in, out := filepath.Join(dir, "rules.json"), filepath.Join(dir, "rules_data.go")
		if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := run(in, out, "rulesText", false); err != nil {
			t.Fatal(err)
		}
		if got := constant(t, out, "//go:build !js"); got != data {
			t.Errorf("constant holds %q, want %q", got, data)
		}
		jsOut := filepath.Join(dir, "rules_data_js.go")
		if got, want := constant(t, jsOut, "//go:build js"), string(rulestext.ForBrowser([]byte(data))); got != want {
			t.Errorf("browser constant holds %q, want %q", got, want)
		}
	}
	if err := run(filepath.Join(t.TempDir(), "missing.json"), "x.go", "rulesText", false); err == nil {
		t.Error("a missing input should fail")
	}
}

// constant parses a generated file, checks its build constraint and returns
// the string constant it holds.
func constant(t *testing.T, file, constraint string) string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\n"+constraint+"\n") {
		t.Errorf("%s lacks %q", filepath.Base(file), constraint)
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, 0)
	if err != nil {
		t.Fatalf("generated file does not parse: %v", err)
	}
	var got string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			got, err = strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
		}
		return true
	})
	return got
}
