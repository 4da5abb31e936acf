// Offline use: registers the service worker (ts/sw/sw.ts) once the page has
// loaded, says in the footer whether the site is saved for offline use, and
// offers a newer version with a prompt rather than swapping it in under the
// reader.
import { messages } from "./i18n";
import { CHECKER_SETTLED, SKIP_WAITING, type SkipWaitingMessage } from "./offline-protocol";

type OfflineState = "ready" | "saving" | "unavailable";

/** /check/ waits this long at most for its checker before saving the site anyway. */
const CHECKER_WAIT_MS = 15_000;

/** Checks for a new version at most this often while a page stays open. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function showState(state: OfflineState): void {
  const el = document.querySelector<HTMLElement>("[data-offline-status]");
  if (!el) return;
  el.dataset.offlineStatus = state;
  const msg = messages(document.body.dataset);
  el.textContent = state === "ready" ? msg("offlineReady") : state === "saving" ? msg("offlineSaving") : msg("offlineUnavailable");
}

/** The newest installed version waiting to take over, if any. */
let waitingWorker: ServiceWorker | null = null;

function offerUpdate(waiting: ServiceWorker): void {
  waitingWorker = waiting; // a later deploy replaces an earlier one still waiting
  const prompt = document.querySelector<HTMLElement>("[data-update-prompt]");
  const button = prompt?.querySelector<HTMLButtonElement>("[data-update-reload]");
  if (!prompt || !button || !prompt.hidden) return;
  prompt.hidden = false;
  const status = document.querySelector<HTMLElement>("[data-copy-status]");
  if (status) status.textContent = prompt.textContent?.replace(/\s+/g, " ").trim() ?? "";
  button.addEventListener("click", () => {
    button.disabled = true;
    const message: SkipWaitingMessage = { type: SKIP_WAITING };
    waitingWorker?.postMessage(message); // the new worker activates; controllerchange reloads
  });
}

/** Shows the prompt once worker w has installed while an older version is active. */
function watchInstalling(reg: ServiceWorkerRegistration, w: ServiceWorker): void {
  const update = (): void => {
    if (w.state === "installed" && reg.active) offerUpdate(w);
    else if (w.state === "activated") showState("ready");
    else if (w.state === "redundant" && !reg.active) showState("unavailable"); // the first save failed (offline mid-way?)
  };
  update();
  w.addEventListener("statechange", update);
}

async function register(url: string): Promise<void> {
  const reg = await navigator.serviceWorker.register(url, { scope: "/" });
  showState(reg.active ? "ready" : "saving");
  if (reg.waiting && reg.active) offerUpdate(reg.waiting);
  if (reg.installing) watchInstalling(reg, reg.installing);
  reg.addEventListener("updatefound", () => {
    if (reg.installing) watchInstalling(reg, reg.installing);
  });
  // Pages left open for days still learn of a new deploy.
  let lastCheck = Date.now();
  const check = (): void => {
    if (document.visibilityState !== "visible" || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    reg.update().catch(() => { /* offline: try again later */ });
  };
  document.addEventListener("visibilitychange", check);
  window.addEventListener("online", check);
}

export function initOffline(): void {
  const url = document.body.dataset.serviceWorker;
  if (!url || !("serviceWorker" in navigator)) {
    showState("unavailable");
    return;
  }
  // A page already served by one version switches only when a reader asks
  // for the new one (here or in another tab): then every open page reloads,
  // so none mixes old pages with new files. The first version taking over a
  // page it did not serve changes nothing on screen.
  let controlled = navigator.serviceWorker.controller !== null;
  if (controlled) showState("ready");
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) window.location.reload();
    controlled = true;
  });
  const start = (): void => {
    register(url).catch((e: unknown) => {
      showState("unavailable");
      console.warn("offline: could not register the service worker", e);
    });
  };
  // Once the page has loaded and gone idle, so saving the site never
  // competes with the page itself; on /check/, once its checker has started
  // too (its WebAssembly is what the reader came for).
  const whenIdle = (): void => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000); // Safari has no requestIdleCallback
  };
  const loaded = document.readyState === "complete" ? Promise.resolve()
    : new Promise<void>((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
  const checker = !document.querySelector("[data-checker-form]") ? Promise.resolve()
    : new Promise<void>((resolve) => {
      document.addEventListener(CHECKER_SETTLED, () => resolve(), { once: true });
      setTimeout(resolve, CHECKER_WAIT_MS); // a checker that never answers does not keep the site from being saved
    });
  void Promise.all([loaded, checker]).then(whenIdle);
}
