// A stand-in worker: reads the manifest the bundler defines.
declare const PRECACHE: { version: string; files: [string, string][] };
const m = PRECACHE;
(globalThis as unknown as { seen: string }).seen = `${m.version}:${m.files.length}`;
