// One polite live region for the whole page, spoken once input settles.
// Several things may want a word while someone types or arrows through a
// radio group (the score, a credit code's status, a search count): each
// says it under its own topic, a newer text replacing an older one, and
// only when nothing has changed for SETTLE_MS is the region written, once,
// with every topic's latest text. Visible text updates at once elsewhere;
// this region is visually hidden and only speaks.

/** How long input must pause before anything is said. */
export const SETTLE_MS = 700;

let region: HTMLElement | null = null;
let timer = 0;
const pending = new Map<string, string>();
/** Topics said before the others (what the reader just typed, then its effect). */
const leading = new Set<string>();

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  // The page's own region (baseof.html), shared by every script bundle.
  region = document.querySelector<HTMLElement>("[data-announce]");
  if (region) return region;
  region = document.createElement("p");
  region.className = "visually-hidden";
  region.setAttribute("role", "status"); // role status is polite and atomic
  region.dataset.announce = "";
  document.body.append(region);
  return region;
}

function flush(): void {
  const topics = Array.from(pending.keys());
  const ordered = [...topics.filter((t) => leading.has(t)), ...topics.filter((t) => !leading.has(t))];
  const text = ordered.map((t) => pending.get(t)).filter(Boolean).join(" ");
  pending.clear();
  if (!text) return;
  const r = liveRegion();
  // The same words twice in a row are still a new announcement: empty the
  // region first so the change is seen.
  if (r.textContent === text) r.textContent = "";
  r.textContent = text;
}

/**
 * Says text under topic once input has settled. An empty text withdraws
 * what the topic was going to say. A leading topic is said first.
 */
export function announce(topic: string, text: string, { lead = false } = {}): void {
  if (lead) leading.add(topic);
  // The region exists before its first words: one added with its text
  // already in it is not announced by every screen reader.
  liveRegion();
  if (text) {
    pending.delete(topic); // keeps topics in the order they last spoke
    pending.set(topic, text);
  } else {
    pending.delete(topic);
  }
  window.clearTimeout(timer);
  timer = window.setTimeout(flush, SETTLE_MS);
}
