// Queries the static search index the generator writes to /search-index/
// (see generator/internal/searchindex for the file formats). Only the shards
// holding the query's terms and the fragments of the results shown are
// fetched; everything fetched is cached for the page's lifetime.
import { tokenize, terms as termsOf } from "./tokenize";

const FORMAT_VERSION = 1;

/** A stretch of excerpt text; marked stretches matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Hit {
  href: string; // page URL, with #anchor of the best section
  pageTitle: string;
  heading: string; // title of the matching section ("" for the page top)
  group: string; // section key, e.g. "guide"
  label: string; // section label, e.g. "Vetting guide"
  excerpt: Segment[];
}

export interface Results {
  query: string;
  total: number; // pages matching, all groups
  counts: Record<string, number>; // pages matching per group
  partial: boolean; // no page had every word; these have the most
  page: number; // pages matching the group filter
  hits: Hit[];
}

interface Manifest {
  v: number;
  build: string;
  pages: number;
  groups: [string, string, number, number][];
  shards: string[]; // first term of each shard; shard i is s/i.sidx
}

interface Shard {
  p: Record<string, number[]>;
  x: Record<string, number>;
  keys: string[]; // sorted
}

interface Fragment {
  u: string;
  t: string;
  g: string;
  l: string;
  s: [string, string, string][];
}

interface PageMatch {
  page: number;
  matched: number; // query terms found on the page
  score: number;
  section: number;
}

const EXCERPT_CHARS = 180;
const PREFIX_LIMIT = 40; // terms one prefix may expand to

async function fetchJSON<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  const stream = res.body.pipeThrough(new DecompressionStream("gzip"));
  return (await new Response(stream).json()) as T;
}

export class SearchIndex {
  private shards = new Map<number, Promise<Shard>>();
  private fragments = new Map<number, Promise<Fragment>>();

  private constructor(private base: string, private manifest: Manifest) {}

  /** Loads the manifest; base is the index folder URL ending in "/". */
  static async load(base: string): Promise<SearchIndex> {
    if (typeof DecompressionStream === "undefined") throw new Error("this browser cannot decompress the search index (DecompressionStream)");
    const m = await fetchJSON<Manifest>(base + "manifest.smeta");
    if (m.v !== FORMAT_VERSION) throw new Error(`search index format ${m.v}, expected ${FORMAT_VERSION}: rebuild the site`);
    return new SearchIndex(base, m);
  }

  groups(): { key: string; label: string }[] {
    return this.manifest.groups.map(([key, label]) => ({ key, label }));
  }

  private shard(n: number): Promise<Shard> {
    let s = this.shards.get(n);
    if (!s) {
      s = fetchJSON<Omit<Shard, "keys">>(`${this.base}${this.manifest.build}/s/${n}.sidx`).then((d) => ({ ...d, keys: Object.keys(d.p).sort() }));
      s.catch(() => this.shards.delete(n));
      this.shards.set(n, s);
    }
    return s;
  }

  fragment(page: number): Promise<Fragment> {
    let f = this.fragments.get(page);
    if (!f) {
      f = fetchJSON<Fragment>(`${this.base}${this.manifest.build}/f/${page}.sfrag`);
      f.catch(() => this.fragments.delete(page));
      this.fragments.set(page, f);
    }
    return f;
  }

  /** Shard numbers that may hold term (and, with prefix, terms starting with it). */
  private shardsFor(term: string, prefix: boolean): number[] {
    const firsts = this.manifest.shards;
    let i = 0;
    for (let lo = 0, hi = firsts.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid]! <= term) { i = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const out = [i];
    if (prefix) {
      for (let j = i + 1; j < firsts.length && j <= i + 2 && firsts[j]!.startsWith(term); j++) out.push(j);
    }
    return out;
  }

  /**
   * Runs a query. group limits hits (not counts) to one section; limit is
   * how many hits to return with their excerpts, from offset.
   */
  async search(query: string, opts: { group?: string; limit?: number; offset?: number } = {}): Promise<Results> {
    const limit = opts.limit ?? 10;
    const offset = opts.offset ?? 0;
    const empty: Results = { query, total: 0, counts: {}, partial: false, page: 0, hits: [] };
    const qterms = [...new Set(termsOf(query))];
    if (qterms.length === 0) return empty;
    // The last word may still be being typed: it matches as a prefix too.
    const typing = !/\s$/.test(query);
    const plans = qterms.map((t, i) => {
      const last = i === qterms.length - 1;
      const single = [...t].length === 1; // one CJK character: any pair starting with it
      const prefix = single || t.length >= 3 || (last && typing);
      const weight = single ? 1 : last && typing ? 0.8 : 0.5;
      return { term: t, prefix, weight, files: this.shardsFor(t, prefix) };
    });
    const loaded = new Map<number, Shard>();
    await Promise.all([...new Set(plans.flatMap((p) => p.files))].map(async (f) => loaded.set(f, await this.shard(f))));

    // Per query term: best score per section (key page*65536+section), and
    // whether its list was cut (then pages missing from it may still match).
    const perTerm = plans.map((plan) => {
      const scores = new Map<number, number>();
      let lenient = false;
      const addList = (sh: Shard, key: string, w: number): void => {
        const list = sh.p[key];
        if (!list) return;
        if (sh.x[key]) lenient = true;
        let page = 0;
        for (let k = 0; k + 2 < list.length; k += 3) {
          page += list[k]!;
          const sec = page * 65536 + list[k + 1]!;
          const s = list[k + 2]! * w;
          if (s > (scores.get(sec) ?? 0)) scores.set(sec, s);
        }
      };
      for (const f of plan.files) {
        const sh = loaded.get(f)!;
        addList(sh, plan.term, 1);
        if (!plan.prefix) continue;
        let lo = lowerBound(sh.keys, plan.term);
        for (let n = 0; lo < sh.keys.length && n < PREFIX_LIMIT; lo++, n++) {
          const k = sh.keys[lo]!;
          if (!k.startsWith(plan.term)) break;
          if (k !== plan.term) addList(sh, k, plan.weight);
        }
      }
      return { scores, lenient };
    });

    // Pages: how many terms they hold, and their best section.
    const pages = new Map<number, { terms: Set<number>; sections: Map<number, number>; best: number[] }>();
    perTerm.forEach(({ scores }, ti) => {
      for (const [sec, s] of scores) {
        const page = Math.floor(sec / 65536);
        let p = pages.get(page);
        if (!p) { p = { terms: new Set(), sections: new Map(), best: perTerm.map(() => 0) }; pages.set(page, p); }
        p.terms.add(ti);
        p.sections.set(sec % 65536, (p.sections.get(sec % 65536) ?? 0) + s);
        p.best[ti] = Math.max(p.best[ti]!, s);
      }
    });
    const matches: PageMatch[] = [];
    for (const [page, p] of pages) {
      let section = 0, top = -1;
      for (const [sec, s] of p.sections) if (s > top || (s === top && sec < section)) { top = s; section = sec; }
      const spread = p.best.reduce((a, b) => a + b, 0) - top;
      const matched = Math.min(qterms.length, p.terms.size + perTerm.filter((t, i) => t.lenient && !p.terms.has(i)).length);
      matches.push({ page, matched, score: top + 0.25 * spread, section });
    }
    const most = matches.reduce((m, x) => Math.max(m, x.matched), 0);
    const kept = matches.filter((m) => most > 0 && m.matched === most);
    kept.sort((a, b) => b.score - a.score || a.page - b.page);

    const counts: Record<string, number> = {};
    const groupOf = (page: number): string => this.manifest.groups.find(([, , from, to]) => page >= from && page <= to)?.[0] ?? "";
    for (const m of kept) { const g = groupOf(m.page); counts[g] = (counts[g] ?? 0) + 1; }
    const filtered = opts.group ? kept.filter((m) => groupOf(m.page) === opts.group) : kept;
    const shown = filtered.slice(offset, offset + limit);
    const hits = await Promise.all(shown.map((m) => this.hit(m, plans)));
    return { query, total: kept.length, counts, partial: most < qterms.length, page: filtered.length, hits };
  }

  private async hit(m: PageMatch, plans: { term: string; prefix: boolean }[]): Promise<Hit> {
    const f = await this.fragment(m.page);
    const [anchor, title, text] = f.s[m.section] ?? ["", "", ""];
    // The page top may have no text of its own: quote the first section that has.
    const quoted = text || f.s.find((s) => s[2] !== "")?.[2] || title || f.t;
    return {
      href: anchor ? `${f.u}#${encodeURIComponent(anchor)}` : f.u,
      pageTitle: f.t,
      heading: anchor ? title : "",
      group: f.g,
      label: f.l,
      excerpt: excerpt(quoted, plans),
    };
  }
}

function lowerBound(keys: string[], term: string): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < term) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The stretch of text with the most query terms, matches marked. */
export function excerpt(text: string, plans: { term: string; prefix: boolean }[]): Segment[] {
  const toks = tokenize(text);
  const which = (term: string): number => plans.findIndex((p) => term === p.term || (p.prefix && term.startsWith(p.term)));
  const hits = toks.map((t) => which(t.term));
  // Best window of 16 tokens: most distinct terms, then most matches.
  let bestAt = 0, bestKey = -1;
  for (let i = 0; i < toks.length; i++) {
    if (hits[i]! < 0) continue;
    const seen = new Set<number>();
    let n = 0;
    for (let j = i; j < toks.length && j < i + 16; j++) if (hits[j]! >= 0) { seen.add(hits[j]!); n++; }
    const key = seen.size * 100 + n;
    if (key > bestKey) { bestKey = key; bestAt = i; }
  }
  let start = 0;
  if (toks.length && bestKey >= 0) {
    start = Math.max(0, toks[bestAt]!.start - 50);
    if (start > 0) {
      const space = text.indexOf(" ", start);
      start = space >= 0 && space < toks[bestAt]!.start ? space + 1 : toks[bestAt]!.start;
    }
  }
  let end = Math.min(text.length, start + EXCERPT_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + EXCERPT_CHARS / 2) end = space;
  }
  const segs: Segment[] = [];
  const push = (s: string, mark: boolean): void => {
    if (!s) return;
    const last = segs[segs.length - 1];
    if (last && last.mark === mark) last.text += s; else segs.push({ text: s, mark });
  };
  if (start > 0) push("… ", false);
  let at = start;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (hits[i]! < 0 || t.end <= at || t.start >= end) continue;
    const from = Math.max(t.start, at);
    push(text.slice(at, from), false);
    push(text.slice(from, Math.min(t.end, end)), true);
    at = Math.min(t.end, end);
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(" …", false);
  return segs;
}
