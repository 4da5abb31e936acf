// The checker's Web Worker: it fetches the rules package compiled to
// WebAssembly (checker/wasm), checks it against its integrity hash, compiles
// it while it downloads, and runs Go here, never on the page's main thread.
// The page sends calls (protocol.ts) and gets each answer back in order.
import "js/wasm_exec.js"; // Go's loader (build/generated/assets/js), defines globalThis.Go
import type { Calls, Op, Problem, Reply, Request, Rescore, Result, Scored } from "./protocol";

declare global {
  class Go {
    importObject: WebAssembly.Imports;
    run(instance: WebAssembly.Instance): Promise<void>;
  }
  var safesource: {
    score(json: string): string;
    rescore(json: string, version: number): string;
    decode(name: string, bytes: Uint8Array): { profiles: string[]; errors: Problem[] };
    link(pairs: Array<[string, string]>): { profile: string; errors: Problem[] };
    csv(profilesJSON: string): { csv?: string; errors?: Problem[] };
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

const parse = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;

/**
 * Scores a profile; answers the checker refuses (out of range, too long)
 * are left out and named, so the rest still scores.
 */
function score(a: NonNullable<typeof api>, profile: unknown): Scored | { errors: Problem[] } {
  const answers = { ...(profile as Record<string, unknown>) };
  const refused: Problem[] = [];
  for (let tries = 0; tries < 4; tries++) {
    const out = JSON.parse(a.score(JSON.stringify(answers))) as Result | { errors: Array<{ field: string; problem: string }> };
    if (!("errors" in out)) return { result: out, refused };
    if (tries === 3 || out.errors.some((e) => !e.field || !(e.field in answers))) {
      return { errors: out.errors.map((e) => ({ line: 0, field: e.field, problem: e.problem })) };
    }
    for (const e of out.errors) {
      delete answers[e.field];
      refused.push({ line: 0, field: e.field, problem: e.problem });
    }
  }
  return { errors: refused };
}

function call(op: Op, args: unknown[]): Calls[Op]["value"] {
  if (!api || exited) throw new Error("the checker stopped; reload the page");
  switch (op) {
    case "score":
      return score(api, args[0]);
    case "rescore": {
      const out = JSON.parse(api.rescore(JSON.stringify(args[0]), Number(args[1]))) as Rescore | { errors: Array<{ field: string; problem: string }> };
      return "errors" in out ? { errors: out.errors.map((e) => ({ line: 0, field: e.field, problem: e.problem })) } : out;
    }
    case "decode": {
      const out = api.decode(String(args[0]), args[1] as Uint8Array);
      return { profiles: out.profiles.map(parse), errors: out.errors };
    }
    case "link": {
      const out = api.link(args[0] as Array<[string, string]>);
      return { profile: parse(out.profile), errors: out.errors };
    }
    case "csv": {
      const out = api.csv(JSON.stringify(args[0]));
      return out.errors ? { errors: out.errors } : { csv: out.csv ?? "" };
    }
  }
}

function answer(req: Extract<Request, { type: "call" }>): void {
  try {
    scope.postMessage({ type: "done", id: req.id, value: call(req.op, req.args) });
  } catch (e) {
    scope.postMessage({ type: "error", id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === "start") {
    start(req.wasm, req.integrity).then(() => {
      scope.postMessage({ type: "ready" });
      for (const q of queued.splice(0)) answer(q);
    }, (err: unknown) => {
      scope.postMessage({ type: "failed", error: err instanceof Error ? err.message : String(err) });
    });
  } else if (api) {
    answer(req);
  } else {
    queued.push(req);
  }
};
