// The page's side of the checker: starts the Web Worker (worker.ts) that
// runs the rules package compiled to WebAssembly, and turns its replies into
// promises. Nothing here runs Go, so the page never waits for it.
import { CHECKER_SETTLED } from "../lib/offline-protocol";
import type { Calls, Op, Reply, Request } from "./protocol";

export class Checker {
  /** Resolves when the WebAssembly has started; rejects with the reason it could not. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private next = 1;
  private failure: Error | null = null;

  constructor(workerUrl: string, wasm: string, integrity: string) {
    this.worker = new Worker(workerUrl, { name: "checker" });
    let started: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => { started = resolve; failed = reject; });
    this.ready.catch(() => {}); // callers that never await it still see failures through call()
    const settled = (): void => { document.dispatchEvent(new Event(CHECKER_SETTLED)); };
    this.ready.then(settled, settled);
    const fail = (e: Error): void => {
      this.failure = e;
      failed(e);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const r = e.data;
      if (r.type === "ready") return started();
      if (r.type === "failed") return fail(new Error(r.error));
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (r.type === "done") p?.resolve(r.value);
      else p?.reject(new Error(r.error));
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      fail(new Error(e.message || "the checker's worker could not start"));
    };
    this.post({ type: "start", wasm, integrity });
  }

  /** Calls the checker; calls made before it is ready wait for it. */
  call<K extends Op>(op: K, ...args: Calls[K]["args"]): Promise<Calls[K]["value"]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // A file's bytes are moved, not copied, to the worker.
      const transfer = (args as unknown[]).filter((a): a is Uint8Array => a instanceof Uint8Array).map((a) => a.buffer as ArrayBuffer);
      this.post({ type: "call", id, op, args }, transfer);
    });
  }

  private post(req: Request, transfer: Transferable[] = []): void {
    this.worker.postMessage(req, transfer);
  }
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
