// What the service worker (ts/sw/sw.ts) and the pages share: the manifest's
// shape, the cache names and the messages between them.

/** The precache manifest the generator builds into the worker. */
export interface PrecacheManifest {
  /** Hash of the manifest: one deploy's files, cached together. */
  version: string;
  /** [root-relative URL, first hex digits of the SHA-256 of the file]. */
  files: [string, string][];
}

/** Every cache the worker owns starts with this; the version follows. */
export const CACHE_PREFIX = "safesource-offline-";

/** A page asks a waiting worker (a new version) to take over. */
export const SKIP_WAITING = "skip-waiting";

export interface SkipWaitingMessage {
  type: typeof SKIP_WAITING;
}

/**
 * Fired on document when a page's checker has started or failed to start.
 * /check/ saves the site for offline use only then, so the precache does
 * not compete with the checker's WebAssembly for the network and the CPU.
 */
export const CHECKER_SETTLED = "safesource:checker-settled";
