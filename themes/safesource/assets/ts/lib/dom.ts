// Builds DOM from text: strings always become text nodes, never markup.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`checker: ${selector} is missing from the page`);
  return found;
}

/** Sets text only when it changed, so live regions announce real changes only. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Makes a list's children match items by key, keeping nodes that stay (and
 * their place) so a live region announces only what was added.
 */
export function syncList<T>(list: HTMLElement, items: readonly T[], key: (item: T) => string, make: (item: T) => HTMLElement): void {
  const have = new Map<string, HTMLElement>();
  for (const child of Array.from(list.children) as HTMLElement[]) have.set(child.dataset.key ?? "", child);
  const want = new Set(items.map(key));
  for (const [k, node] of have) if (!want.has(k)) node.remove();
  let ref = list.firstElementChild;
  for (const item of items) {
    const k = key(item);
    let node = have.get(k);
    if (!node) {
      node = make(item);
      node.dataset.key = k;
    }
    if (node === ref) ref = ref.nextElementSibling;
    else list.insertBefore(node, ref);
  }
}

/**
 * Runs f once the browser has painted what changed so far (in a task after
 * the next frame), so work that can wait does not hold up that frame. In a
 * hidden tab, which paints nothing, f runs at once.
 */
export function afterNextPaint(f: () => void): void {
  if (document.hidden) {
    f();
    return;
  }
  requestAnimationFrame(() => setTimeout(f, 0));
}
