// The search tokenizer. It must give exactly the tokens of the Go indexer
// (generator/internal/searchindex/tokenize.go); both are tested against
// generator/internal/searchindex/testdata (tokenize.json, stopwords.json,
// stems.txt.gz).
import { stem as porter2 } from "porter2";

// Stop words: the same list as the indexer's (checked against
// generator/internal/searchindex/testdata/stopwords.json).
export const STOP_WORDS: ReadonlySet<string> = new Set(`
  a about above after again all am an and any are as at be because been
  before being below between both but by can could did do does doing
  down during each for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more
  most my myself of on once only or other ought our ours ourselves should
  so some such than that the their theirs them themselves then there
  these they this those through to too until up very was we were what
  when where which while who whom why will with would you your yours
  yourself yourselves also may might must shall much many get got
  dont doesnt didnt cant im ive id youre isnt arent wasnt werent wont
  shouldnt couldnt wouldnt`.split(/\s+/).filter(Boolean));

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{Nd}]/u;
const MARK = /\p{Mn}/gu;
const DIGIT = /^\p{Nd}/u;
const ASCII_LETTER = /^[A-Za-z]$/;

/** One token with the span of the original text it came from. */
export interface Token {
  term: string;
  word: string; // the folded word before stemming
  start: number; // UTF-16 offsets into the original text
  end: number;
}

/**
 * The English Snowball (Porter2) stem of a folded word, as the indexer's Go
 * stemmer gives it (both are checked on the Snowball test vocabulary), with
 * the same few exceptions.
 * Words with digits or letters outside a–z are left as they are.
 */
export function stem(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    s = w.length < 3 || !/^[a-z]+$/.test(w) ? w : STEM_EXCEPTIONS.get(w) ?? porter2(w);
    if (stems.size > 20000) stems.clear(); // excerpts stem the same words again and again
    stems.set(w, s);
  }
  return s;
}
const stems = new Map<string, string>();
// Words whose Snowball stem would merge them with a word of another meaning
// the site uses often, as the indexer's stemExceptions: "goods" is not "good".
const STEM_EXCEPTIONS: ReadonlyMap<string, string> = new Map([["goods", "goods"]]);

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
  let piece = 0; // letters read since the word began or since its last initialism dot
  let wordStart = 0;
  let wordEnd = 0;
  let cjk: { c: string; at: number }[] = [];

  const flushWord = (): void => {
    piece = 0;
    if (word === "") return;
    const w = word;
    word = "";
    if ([...w].length < 2 && !DIGIT.test(w)) return;
    if (STOP_WORDS.has(w)) return;
    out.push({ term: stem(w), word: w, start: wordStart, end: wordEnd });
  };
  const flushCJK = (): void => {
    if (cjk.length === 1) {
      const only = cjk[0]!;
      out.push({ term: only.c, word: only.c, start: only.at, end: only.at + only.c.length });
    } else {
      for (let i = 0; i + 1 < cjk.length; i++) {
        const a = cjk[i]!, b = cjk[i + 1]!;
        out.push({ term: a.c + b.c, word: a.c + b.c, start: a.at, end: b.at + b.c.length });
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
    // The dots of an initialism ("U.S." → "us"): after a one-letter piece,
    // before one letter and another dot.
    if (c === "." && piece === 1 && ASCII_LETTER.test(chars[i - 1]!.c) && ASCII_LETTER.test(next ?? "") && chars[i + 2]?.c === ".") { piece = 0; continue; }
    if (!isWord(c)) { flushWord(); continue; }
    for (const f of fold(c)) {
      if (!isWord(f)) continue;
      if (word === "") wordStart = pos;
      word += f;
      wordEnd = pos + c.length;
    }
    piece++;
  }
  flushWord();
  if (cjk.length) flushCJK();
  return out;
}

/** The terms alone. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
