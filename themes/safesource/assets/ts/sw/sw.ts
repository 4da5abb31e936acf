// The service worker: saves one version of the whole site (every page, the
// CSS and scripts, the search index, the WebAssembly checker) and answers
// from it, so the site works offline after the first visit.
//
// One version at a time: a new worker fills its own cache completely
// (checking each file against the hash in its manifest, so a deploy landing
// mid-way fails the install instead of mixing versions), then waits until a
// page asks it to take over; only then are the old caches deleted.
import { CACHE_PREFIX, SKIP_WAITING, type PrecacheManifest, type SkipWaitingMessage } from "../lib/offline-protocol";

declare const self: ServiceWorkerGlobalScope;
/** Replaced by the manifest when the generator bundles this file. */
declare const PRECACHE: PrecacheManifest;

const manifest: PrecacheManifest = PRECACHE;
const cacheName = CACHE_PREFIX + manifest.version;
const hashes = new Map(manifest.files);
/** Marks each cached response with its content hash, so a later version can reuse it. */
const HASH_HEADER = "X-Precache-Hash";
/** Parallel downloads while installing: enough to fill a slow link, few enough not to starve the page. */
const PARALLEL = 4;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== cacheName) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const data = event.data as Partial<SkipWaitingMessage> | null;
  if (data?.type === SKIP_WAITING) void self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const key = cacheKey(url.pathname);
  if (key === null && req.mode !== "navigate") return; // not part of the site's files: the network decides
  event.respondWith(respond(req, key));
});

/** The manifest URL a request path is served from, or null. */
function cacheKey(pathname: string): string | null {
  for (const candidate of [pathname, pathname + "/", pathname.replace(/index\.html$/, "")]) {
    if (hashes.has(candidate)) return candidate;
  }
  return null;
}

async function respond(req: Request, key: string | null): Promise<Response> {
  // caches.match with cacheName never re-creates a cache a newer version deleted.
  const hit = key === null ? undefined : await caches.match(key, { cacheName });
  if (hit) return hit;
  try {
    return await fetch(req);
  } catch (err) {
    // Offline and not a page of this version: show the site's own 404 page.
    const notFound = req.mode === "navigate" ? await caches.match("/404.html", { cacheName }) : undefined;
    if (!notFound) throw err;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
}

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  const others = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName);
  const queue = [...manifest.files];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, hash] = next;
      if (await cached(cache, url, hash)) continue; // an earlier, interrupted install saved it
      const res = (await reuse(others, url, hash)) ?? (await download(url, hash));
      await cache.put(url, res);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function cached(cache: Cache, url: string, hash: string): Promise<boolean> {
  const res = await cache.match(url);
  return res?.headers.get(HASH_HEADER) === hash;
}

/** The same file from an older version's cache, so an update downloads only what changed. */
async function reuse(others: string[], url: string, hash: string): Promise<Response | undefined> {
  for (const name of others) {
    const res = await caches.match(url, { cacheName: name });
    if (res?.headers.get(HASH_HEADER) === hash) return res;
  }
  return undefined;
}

/**
 * Fetches url and checks it against its hash. The HTTP cache answers first,
 * so what the page itself just loaded (the WebAssembly above all) is not
 * downloaded twice; a stale cached copy fails the hash and is fetched again.
 */
async function download(url: string, hash: string): Promise<Response> {
  let { res, body } = await fetchChecked(url, hash, "default");
  if (body === null) ({ res, body } = await fetchChecked(url, hash, "reload"));
  if (body === null) throw new Error(`saving ${url} for offline use: it belongs to another version of the site (a deploy is under way); the next visit retries`);
  const headers = new Headers(res.headers);
  // The body is stored decoded: its wire encoding and length no longer apply.
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.set(HASH_HEADER, hash);
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

/** The response and its body, or a null body when the content does not match hash. */
async function fetchChecked(url: string, hash: string, cache: RequestCache): Promise<{ res: Response; body: ArrayBuffer | null }> {
  const res = await fetch(url, { cache, credentials: "same-origin" });
  if (!res.ok) throw new Error(`saving ${url} for offline use: HTTP ${res.status}`);
  const body = await res.arrayBuffer();
  const got = hex(await crypto.subtle.digest("SHA-256", body)).slice(0, hash.length);
  return { res, body: got === hash ? body : null };
}

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
}
