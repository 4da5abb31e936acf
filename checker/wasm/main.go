//go:build js && wasm

// Command wasm exposes the checker to JavaScript as a global safesource
// object:
//
//	safesource.score(profileJSON) -> result JSON, or {"errors":[{field, problem}]}
//	safesource.uscc(code)         -> {"code","valid","error","province"}
//	safesource.rescore(profileJSON, version)
//	                              -> the result under rules v<version> and now
//	                                 (see checker.Rescore.AppendJSON), or {"errors":[…]}
//	safesource.rulesVersion       -> the version of the rules compiled in
//
// When both are registered it sets globalThis.safesourceReady = true. All the
// logic lives in package checker; this file only moves strings across.
package main

import (
	"syscall/js"

	"safesource.dev/safesource/checker"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("score", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(checker.ScoreJSON([]byte(stringArg(args))))
	}))
	api.Set("uscc", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return string(checker.USCCJSON(stringArg(args)))
	}))
	api.Set("rescore", js.FuncOf(func(_ js.Value, args []js.Value) any {
		version := 0 // not a version: reported as bad input
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			version = args[1].Int()
		}
		return string(checker.ScoreAgainJSON([]byte(stringArg(args)), version))
	}))
	api.Set("rulesVersion", checker.RulesVersion())
	js.Global().Set("safesource", api)
	js.Global().Set("safesourceReady", true)
	select {} // keep the Go runtime alive for callbacks
}

// stringArg returns the first argument if it is a string, else "" (which the
// checker reports as bad input rather than throwing).
func stringArg(args []js.Value) string {
	if len(args) == 0 || args[0].Type() != js.TypeString {
		return ""
	}
	return args[0].String()
}
