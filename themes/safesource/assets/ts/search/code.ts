// A credit code pasted into search. Searching its characters finds nothing
// useful; the checker reads the code (validity, who registered it, where),
// so the search page offers a link that fills it in. Only the shape is
// looked at here: whether the code is valid is the checker's answer.

/** The query as a code to hand to the checker, or "" when it is not shaped like one: 18 letters and digits once spaces and hyphens are dropped. */
export function codeQuery(q: string): string {
  const code = q.replace(/[\s-]+/g, "").toUpperCase();
  return /^[0-9A-Z]{18}$/.test(code) && /[0-9]/.test(code) ? code : "";
}

/** The checker link for a code: the answer and the rules version the link is made with, as share links carry them. */
export function codeLink(checkPath: string, code: string, rulesVersion: string): string {
  const p = new URLSearchParams({ uscc: code });
  if (rulesVersion !== "") p.set("rules_version", rulesVersion);
  return `${checkPath}#${p.toString()}`;
}
