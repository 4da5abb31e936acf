// UI strings. Every text a script shows comes from the theme's i18n file
// (i18n/en.toml) through data-msg-* attributes that the templates write, so
// scripts never hard-code text. A string is looked up by its i18n key
// ("checkerLoading", "band_low"); the attribute is named from the key the
// way the templates name it (data-msg-checker-loading, data-msg-band-low).
//
// One behaviour for a missing string: the key itself is shown, so the gap is
// visible and searchable; tests/unit checks that every key a script uses is
// on its page.

export type Vars = Readonly<Record<string, string | number>>;
export type Msg = (key: string, vars?: Vars) => string;
export type Strings = Readonly<Record<string, string | undefined>>;

/** The dataset property of an i18n key: "band_low" → data-msg-band-low → msgBandLow. */
export function datasetKey(key: string): string {
  const attr = ("msg-" + key.replace(/([A-Z_])/g, "-$1").toLowerCase()).replace(/-_/g, "-");
  return attr.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Fills {name} placeholders; unknown placeholders are left as written. */
export function fill(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A message lookup over one element's data-msg-* attributes (or any map). */
export function messages(strings: Strings): Msg {
  return (key, vars = {}) => fill(strings[datasetKey(key)] ?? key, vars);
}

/** Shortens text taken from a link or file before it is shown in a message. */
export function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
