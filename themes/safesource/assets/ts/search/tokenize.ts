// The search tokenizer. It must give exactly the tokens of the Go indexer
// (generator/internal/searchindex/tokenize.go); both are tested against
// generator/internal/searchindex/testdata/tokenize.json.

const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have",
  "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was",
  "were", "will", "with",
]);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{Nd}]/u;
const MARK = /\p{Mn}/gu;
const DIGIT = /^\p{Nd}/u;

/** One token with the span of the original text it came from. */
export interface Token {
  term: string;
  start: number; // UTF-16 offsets into the original text
  end: number;
}

export function stem(w: string): string {
  if (!/^[a-z0-9]+$/.test(w)) return w; // English endings only
  const n = w.length;
  if (n > 4 && w.endsWith("ies")) return w.slice(0, n - 3) + "y";
  if (n > 4 && w.endsWith("sses")) return w.slice(0, n - 2);
  if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, n - 1);
  return w;
}

function fold(ch: string): string {
  let out = "";
  for (const d of ch.normalize("NFD").replace(MARK, "")) out += d.toLowerCase();
  return out;
}

const isApostrophe = (c: string): boolean => c === "'" || c === "\u2019";
const isWord = (c: string): boolean => WORD.test(c);
const isCJK = (c: string): boolean => CJK.test(c);

/** Splits text into index terms with their positions, duplicates kept. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const chars: { c: string; at: number }[] = [];
  let at = 0;
  for (const c of text) { chars.push({ c, at }); at += c.length; }

  let word = "";
  let wordStart = 0;
  let wordEnd = 0;
  let cjk: { c: string; at: number }[] = [];

  const flushWord = (): void => {
    if (word === "") return;
    const w = word;
    word = "";
    if ([...w].length < 2 && !DIGIT.test(w)) return;
    if (STOP_WORDS.has(w)) return;
    out.push({ term: stem(w), start: wordStart, end: wordEnd });
  };
  const flushCJK = (): void => {
    if (cjk.length === 1) {
      const only = cjk[0]!;
      out.push({ term: only.c, start: only.at, end: only.at + only.c.length });
    } else {
      for (let i = 0; i + 1 < cjk.length; i++) {
        const a = cjk[i]!, b = cjk[i + 1]!;
        out.push({ term: a.c + b.c, start: a.at, end: b.at + b.c.length });
      }
    }
    cjk = [];
  };

  for (let i = 0; i < chars.length; i++) {
    const { c, at: pos } = chars[i]!;
    if (isCJK(c)) {
      flushWord();
      cjk.push({ c, at: pos });
      continue;
    }
    if (cjk.length) flushCJK();
    const next = chars[i + 1]?.c;
    if (isApostrophe(c) && word !== "" && next !== undefined && isWord(next) && !isCJK(next)) continue;
    if (!isWord(c)) { flushWord(); continue; }
    for (const f of fold(c)) {
      if (!isWord(f)) continue;
      if (word === "") wordStart = pos;
      word += f;
      wordEnd = pos + c.length;
    }
  }
  flushWord();
  if (cjk.length) flushCJK();
  return out;
}

/** The terms alone. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
