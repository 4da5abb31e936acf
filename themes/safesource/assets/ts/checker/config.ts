// What the page hands the checker script: one hidden [data-checker-config]
// element (layouts/_partials/checker/config.html) with the URLs of the
// worker and the WebAssembly, the field ids of the questionnaire in order,
// and every UI string the checker scripts show, as data-msg-*.
import { type Msg, messages } from "../lib/i18n";

export interface Config {
  /** Field ids in questionnaire order (share links list answers in this order). */
  readonly fields: readonly string[];
  readonly worker: string;
  readonly wasm: string;
  readonly integrity: string;
  readonly checkUrl: string;
  readonly msg: Msg;
}

/** The ids from data-fields ([{id, type, values}…], written from the rules). */
function parseFields(raw: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown) => {
    const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === "string" ? [id] : [];
  });
}

export function readConfig(): Config | null {
  const el = document.querySelector<HTMLElement>("[data-checker-config]");
  if (!el) return null;
  return {
    fields: parseFields(el.dataset.fields ?? "[]"),
    worker: el.dataset.worker ?? "",
    wasm: el.dataset.wasm ?? "",
    integrity: el.dataset.wasmIntegrity ?? "",
    checkUrl: el.dataset.checkUrl ?? "/check/",
    msg: messages(el.dataset),
  };
}
