// No TypeScript function in the theme is longer than MAX_LINES lines
// (docs: small, clear files; see HELPERS standards). Every function-like
// node counts with everything nested in it: declarations, methods,
// constructors, accessors, function expressions and arrow functions. The
// files are parsed with the TypeScript compiler, so a brace in a string or
// a comment cannot fool the count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const MAX_LINES = 80;
const dir = new URL("../../themes/safesource/assets/ts/", import.meta.url).pathname;

function tsFiles(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(d, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [join(d, e.name)] : []);
}

/** Every function in source text with its name (or "(anonymous)"), first line and length in lines. */
export function functionLengths(file, text) {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text
        : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : "(anonymous)";
      out.push({ name, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

test("the measure counts a function's lines, nested functions included", () => {
  const text = "function outer() {\n  const inner = () => {\n    return 1;\n  };\n  return inner();\n}\nclass A {\n  m(): void {\n  }\n}\n";
  assert.deepEqual(functionLengths("t.ts", text), [
    { name: "outer", line: 1, lines: 6 },
    { name: "inner", line: 2, lines: 3 },
    { name: "m", line: 8, lines: 2 },
  ]);
});

test(`no TypeScript function is over ${MAX_LINES} lines`, () => {
  const files = tsFiles(dir);
  assert.ok(files.length > 30, `found the theme's TypeScript (${files.length} files)`);
  const long = files.flatMap((f) => functionLengths(f, readFileSync(f, "utf8"))
    .filter((fn) => fn.lines > MAX_LINES)
    .map((fn) => `${relative(dir, f)}:${fn.line} ${fn.name}: ${fn.lines} lines`));
  assert.deepEqual(long, [], `functions over ${MAX_LINES} lines (split them)`);
});
