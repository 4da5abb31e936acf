package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"safesource.dev/safesource/generator/internal/gotool"
)

// buildWasm compiles the checker for the browser and copies Go's matching
// JavaScript support file next to the theme's scripts. Both land in the
// generated assets, which Hugo fingerprints.
func (b *builder) buildWasm() error {
	dest := filepath.Join(b.generated, "assets", "wasm", "checker.wasm")
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	cmd := gotool.Command(b.moduleRoot, "build", "-trimpath", "-ldflags=-s -w", "-o", dest, "./checker/wasm")
	cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building checker/wasm for GOOS=js GOARCH=wasm: %w", err)
	}
	goroot, err := gotool.Output(b.moduleRoot, "env", "GOROOT")
	if err != nil {
		return err
	}
	support, err := os.ReadFile(filepath.Join(strings.TrimSpace(goroot), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("reading Go's wasm_exec.js (it ships with Go in $GOROOT/lib/wasm): %w", err)
	}
	return writeFile(filepath.Join(b.generated, "assets", "js", "wasm_exec.js"), support)
}
