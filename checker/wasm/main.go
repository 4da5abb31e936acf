//go:build js && wasm

// Command wasm exposes the checker to JavaScript as a global safesource
// object (the site runs it in a Web Worker). Every function is one of
// package checker/browser's, which documents what each returns (JSON text,
// one problem shape {line, field, problem}):
//
//	safesource.score(profileJSON, v)      -> browser.Score: read and score in one crossing
//	                                         (v: the rules version the profile was scored with, or 0)
//	safesource.uscc(code)                 -> browser.USCC
//	safesource.decode(name, bytes)        -> browser.Decode
//	safesource.link(pairs)                -> browser.Link, for [[id, value]…] of a share link
//	safesource.csv(profilesJSON)          -> browser.CSV
//	safesource.rulesVersion               -> the version of the rules compiled in
//
// When every function is registered it sets globalThis.safesourceReady =
// true. All the logic lives in package checker and checker/browser; this
// file only moves values across.
package main

import (
	"syscall/js"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/browser"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("score", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(browser.Score([]byte(stringArg(args, 0)), intArg(args, 1)))
	}))
	api.Set("uscc", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(browser.USCC(stringArg(args, 0)))
	}))
	api.Set("rulesVersion", checker.RulesVersion())
	api.Set("decode", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(browser.Decode(stringArg(args, 0), bytesArg(args, 1)))
	}))
	api.Set("link", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(browser.Link(pairsArg(args, 0)))
	}))
	api.Set("csv", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(browser.CSV([]byte(stringArg(args, 0))))
	}))
	js.Global().Set("safesource", api)
	js.Global().Set("safesourceReady", true)
	select {} // keep the Go runtime alive for callbacks
}

// stringArg returns argument i if it is a string, else "" (which the
// checker reports as bad input rather than throwing).
func stringArg(args []js.Value, i int) string {
	if len(args) <= i || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// intArg returns argument i if it is a number, else 0.
func intArg(args []js.Value, i int) int {
	if len(args) <= i || args[i].Type() != js.TypeNumber {
		return 0
	}
	return args[i].Int()
}

// bytesArg copies a Uint8Array argument (a file's bytes, undecoded, so that
// encodings and invalid UTF-8 reach the decoder exactly as on disk).
func bytesArg(args []js.Value, i int) []byte {
	if len(args) <= i || !args[i].InstanceOf(js.Global().Get("Uint8Array")) {
		return nil
	}
	b := make([]byte, args[i].Get("length").Int())
	js.CopyBytesToGo(b, args[i])
	return b
}

// pairsArg reads [[key, value]…]; anything else in the list is skipped.
func pairsArg(args []js.Value, i int) [][2]string {
	if len(args) <= i || !args[i].InstanceOf(js.Global().Get("Array")) {
		return nil
	}
	n := args[i].Length()
	pairs := make([][2]string, 0, n)
	for j := range n {
		kv := args[i].Index(j)
		if kv.Type() != js.TypeObject || kv.Length() != 2 || kv.Index(0).Type() != js.TypeString || kv.Index(1).Type() != js.TypeString {
			continue
		}
		pairs = append(pairs, [2]string{kv.Index(0).String(), kv.Index(1).String()})
	}
	return pairs
}
