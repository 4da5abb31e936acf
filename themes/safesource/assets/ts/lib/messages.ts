// UI strings come from the theme's i18n file via data-msg-* attributes on
// <body>, so scripts never hard-code text.
export function msg(name: string, fallback = ""): string {
  const key = "msg" + name.charAt(0).toUpperCase() + name.slice(1);
  return document.body.dataset[key] ?? fallback;
}
