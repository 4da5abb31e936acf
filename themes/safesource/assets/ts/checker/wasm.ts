// Loads the rules package compiled to WebAssembly (checker/wasm) and wraps
// the functions it registers on globalThis.safesource.
import "js/wasm_exec.js"; // Go's loader (build/generated/assets/js), defines globalThis.Go

declare global {
  class Go {
    importObject: WebAssembly.Imports;
    run(instance: WebAssembly.Instance): Promise<void>;
  }
  var safesource: { score(json: string): string; uscc(code: string): string; rescore(json: string, version: number): string } | undefined;
  var safesourceReady: boolean | undefined;
}

export interface Finding {
  id: string;
  severity: string;
  points: number;
  title: string;
  why: string;
  guide: string;
}

export interface Action {
  id: string;
  text: string;
  guide: string;
}

export interface USCCResult {
  code: string;
  valid: boolean;
  error: string;
  province: string;
}

/** An answer the buyer can still change and the score the profile would then have. */
export interface Improvement {
  question: string;
  answer: string;
  score_after: number;
  guide: string;
}

export interface Result {
  score: number;
  band: string;
  confidence: number;
  rules_version: number;
  findings: Finding[];
  positives: Finding[];
  actions: Action[];
  improvements: Improvement[];
  uscc?: USCCResult;
}

/** A profile scored with the rules of an older version and with the current ones. */
export interface Rescore {
  from_version: number;
  to_version: number;
  score_before: number;
  band_before: string;
  score_after: number;
  band_after: string;
  added: Array<Pick<Finding, "id" | "severity" | "points" | "title">>;
  removed: Array<Pick<Finding, "id" | "severity" | "points" | "title">>;
  changes: string[];
  result: Result;
}

export interface InputProblem {
  field: string;
  problem: string;
}

export type Scored = { ok: true; result: Result } | { ok: false; errors: InputProblem[] };
export type Rescored = { ok: true; rescore: Rescore } | { ok: false; errors: InputProblem[] };

export interface Checker {
  /** Scores a profile (any JSON value: the checker reports what is wrong with it). */
  score(profile: unknown): Scored;
  /** Scores a profile with the rules of `version` and with the current rules. */
  rescore(profile: unknown, version: number): Rescored;
}

export async function loadChecker(url: string, integrity: string): Promise<Checker> {
  if (typeof WebAssembly !== "object") throw new Error("this browser cannot run WebAssembly");
  const go = new Go();
  const res = await fetch(url, integrity ? { integrity } : {});
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const { instance } = (res.headers.get("content-type") ?? "").startsWith("application/wasm")
    ? await WebAssembly.instantiateStreaming(res, go.importObject)
    : await WebAssembly.instantiate(await res.arrayBuffer(), go.importObject);
  let exited = false;
  void go.run(instance).finally(() => { exited = true; });
  // main() registers the functions before it blocks, so they exist now.
  const api = globalThis.safesource;
  if (!globalThis.safesourceReady || !api) throw new Error("the checker did not start");
  return {
    score(profile: unknown): Scored {
      if (exited) throw new Error("the checker stopped; reload the page");
      const out = JSON.parse(api.score(JSON.stringify(profile))) as Result | { errors: InputProblem[] };
      return "errors" in out ? { ok: false, errors: out.errors } : { ok: true, result: out };
    },
    rescore(profile: unknown, version: number): Rescored {
      if (exited) throw new Error("the checker stopped; reload the page");
      const out = JSON.parse(api.rescore(JSON.stringify(profile), version)) as Rescore | { errors: InputProblem[] };
      return "errors" in out ? { ok: false, errors: out.errors } : { ok: true, rescore: out };
    },
  };
}

/**
 * Runs fn once the browser reports the first paint, so the download never
 * competes with it; a timer covers browsers without paint timing and
 * background tabs, which do not paint.
 */
export function afterPaint(fn: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    observer?.disconnect();
    window.setTimeout(fn, 0);
  };
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver(run);
    observer.observe({ type: "paint", buffered: true });
  } catch {
    observer = null; // no paint timing here: the timer decides
  }
  window.setTimeout(run, document.visibilityState === "hidden" ? 0 : 1000);
}
