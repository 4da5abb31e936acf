//go:build js && wasm

// Command wasm exposes the checker to JavaScript as a global safesource
// object (the site runs it in a Web Worker):
//
//	safesource.score(profileJSON)  -> result JSON, or {"errors":[{field, problem}]}
//	safesource.uscc(code)          -> {"code","valid","error","province"}
//	safesource.decode(name, bytes) -> {profiles: [profileJSON…], errors: [{line, field, problem}…]}
//	safesource.link(pairs)         -> {profile: profileJSON, errors: […]} for [[id, value]…] of a share link
//	safesource.csv(profilesJSON)   -> {csv: text} or {errors: […]}
//	safesource.rescore(profileJSON, version)
//	                               -> the result under rules v<version> and now
//	                                  (see checker.Rescore.AppendJSON), or {"errors":[…]}
//	safesource.rulesVersion        -> the version of the rules compiled in
//
// Profiles come back as the canonical JSON Profile.AppendJSON writes. When
// every function is registered it sets globalThis.safesourceReady = true.
// All the logic lives in package checker and checker/browser; this file only
// moves values across.
package main

import (
	"syscall/js"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/browser"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("score", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(checker.ScoreJSON([]byte(stringArg(args, 0))))
	}))
	api.Set("uscc", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(checker.USCCJSON(stringArg(args, 0)))
	}))
	api.Set("rescore", js.FuncOf(func(_ js.Value, args []js.Value) any {
		version := 0 // not a version: reported as bad input
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			version = args[1].Int()
		}
		return string(checker.ScoreAgainJSON([]byte(stringArg(args, 0)), version))
	}))
	api.Set("rulesVersion", checker.RulesVersion())
	api.Set("decode", js.FuncOf(func(_ js.Value, args []js.Value) any {
		list, errs := browser.Decode(stringArg(args, 0), bytesArg(args, 1))
		return map[string]any{"profiles": profileList(list), "errors": errorList(errs)}
	}))
	api.Set("link", js.FuncOf(func(_ js.Value, args []js.Value) any {
		p, errs := browser.DecodeLink(pairsArg(args, 0))
		return map[string]any{"profile": string(p.AppendJSON(nil)), "errors": errorList(errs)}
	}))
	api.Set("csv", js.FuncOf(func(_ js.Value, args []js.Value) any {
		text, errs := browser.EncodeCSV([]byte(stringArg(args, 0)))
		if errs != nil {
			return map[string]any{"errors": errorList(errs)}
		}
		return map[string]any{"csv": string(text)}
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

func profileList(list []checker.Profile) []any {
	out := make([]any, len(list))
	for i := range list {
		out[i] = string(list[i].AppendJSON(nil))
	}
	return out
}

func errorList(errs checker.InputErrors) []any {
	out := make([]any, len(errs))
	for i, e := range errs {
		out[i] = map[string]any{"line": e.Line, "field": e.Field, "problem": e.Problem}
	}
	return out
}
