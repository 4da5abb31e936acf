//go:build !(js && wasm)

// Native builds of this command only explain how to build it for the browser.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "checker/wasm runs in a browser: build it with GOOS=js GOARCH=wasm go build -trimpath -ldflags=\"-s -w\" -o checker.wasm ./checker/wasm")
	os.Exit(2)
}
