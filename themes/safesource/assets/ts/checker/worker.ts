// The checker's Web Worker: it fetches the rules package compiled to
// WebAssembly (checker/wasm), checks it against its integrity hash, compiles
// it while it downloads, and runs Go here, never on the page's main thread.
// The page sends calls (protocol.ts) and gets each answer back in order.
// Every call is one crossing into Go (checker/browser), which answers in
// JSON in the shapes protocol.ts names: nothing is reshaped here.
import "js/wasm_exec.js"; // Go's loader (build/generated/assets/js), defines globalThis.Go
import { errorText } from "../lib/errors";
import type { Calls, Op, Reply, Request } from "./protocol";

declare global {
  class Go {
    importObject: WebAssembly.Imports;
    run(instance: WebAssembly.Instance): Promise<void>;
  }
  var safesource: {
    score(json: string, fromVersion: number): string;
    decode(name: string, bytes: Uint8Array): string;
    link(pairs: Array<[string, string]>): string;
    csv(profilesJSON: string): string;
  } | undefined;
  var safesourceReady: boolean | undefined;
}

// The worker's global scope, typed for what is used here (the project's
// TypeScript library is the DOM's, not the worker's).
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(reply: Reply): void;
};

let api: NonNullable<typeof globalThis.safesource> | null = null;
let exited = false;
const queued: Array<Extract<Request, { type: "call" }>> = [];

async function start(url: string, integrity: string): Promise<void> {
  if (typeof WebAssembly !== "object") throw new Error("this browser cannot run WebAssembly");
  const go = new Go();
  // The integrity check fails the fetch if one byte differs from the build.
  const res = await fetch(url, integrity ? { integrity } : {});
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const { instance } = (res.headers.get("content-type") ?? "").startsWith("application/wasm")
    ? await WebAssembly.instantiateStreaming(res, go.importObject)
    : await WebAssembly.instantiate(await res.arrayBuffer(), go.importObject);
  void go.run(instance).finally(() => { exited = true; });
  // main() registers the functions before it blocks, so they exist now.
  if (!globalThis.safesourceReady || !globalThis.safesource) throw new Error("the checker did not start");
  api = globalThis.safesource;
}

/** The checker's JSON answer, typed as protocol.ts says that call returns. */
const parse = <O extends Op>(json: string): Calls[O]["value"] => JSON.parse(json) as Calls[O]["value"];

function call(op: Op, args: unknown[]): Calls[Op]["value"] {
  if (!api || exited) throw new Error("the checker stopped; reload the page");
  switch (op) {
    case "score":
      return parse<"score">(api.score(JSON.stringify(args[0]), Number(args[1] ?? 0)));
    case "decode":
      return parse<"decode">(api.decode(String(args[0]), args[1] as Uint8Array));
    case "link":
      return parse<"link">(api.link(args[0] as Array<[string, string]>));
    case "csv":
      return parse<"csv">(api.csv(JSON.stringify(args[0])));
  }
}

function answer(req: Extract<Request, { type: "call" }>): void {
  try {
    scope.postMessage({ type: "done", id: req.id, value: call(req.op, req.args) });
  } catch (e) {
    scope.postMessage({ type: "error", id: req.id, error: errorText(e) });
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === "start") {
    start(req.wasm, req.integrity).then(() => {
      scope.postMessage({ type: "ready" });
      for (const q of queued.splice(0)) answer(q);
    }, (err: unknown) => {
      scope.postMessage({ type: "failed", error: errorText(err) });
    });
  } else if (api) {
    answer(req);
  } else {
    queued.push(req);
  }
};
