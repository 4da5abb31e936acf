// The few DOM calls lib/lang.ts makes, on plain objects, for unit tests
// without a browser: elements with attributes and children, text nodes,
// fragments, replaceWith, textContent and an HTML-like serialisation to
// compare results.
class Node {
  constructor(nodeType, doc) {
    this.nodeType = nodeType;
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }
  get parentElement() {
    return this.parentNode?.nodeType === 1 ? this.parentNode : null;
  }
  append(...nodes) {
    for (const n of nodes) {
      const node = typeof n === "string" ? this.ownerDocument.createTextNode(n) : n;
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }
  replaceWith(...nodes) {
    const parent = this.parentNode;
    const at = parent.childNodes.indexOf(this);
    const made = nodes.map((n) => (typeof n === "string" ? this.ownerDocument.createTextNode(n) : n));
    for (const n of made) n.parentNode = parent;
    parent.childNodes.splice(at, 1, ...made);
    this.parentNode = null;
  }
  get textContent() {
    return this.nodeType === 3 ? this.data : this.childNodes.map((c) => c.textContent).join("");
  }
  set textContent(s) {
    this.childNodes = [];
    this.append(s);
  }
}

class Element extends Node {
  constructor(tag, doc) {
    super(1, doc);
    this.tagName = tag.toUpperCase();
    this.attrs = new Map();
  }
  setAttribute(k, v) { this.attrs.set(k, String(v)); }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
}

class Text extends Node {
  constructor(data, doc) {
    super(3, doc);
    this.data = data;
  }
}

export const document = {
  createElement(tag) { return new Element(tag, this); },
  createTextNode(s) { return new Text(s, this); },
  createDocumentFragment() { return new Node(11, this); },
};

/** h("p", {lang: "en"}, "text", h(...)): an element. */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** The node as HTML (attributes quoted, in the order set). */
export function html(node) {
  if (node.nodeType === 3) return node.data;
  const inner = node.childNodes.map(html).join("");
  if (node.nodeType !== 1) return inner;
  const tag = node.tagName.toLowerCase();
  const attrs = [...node.attrs].map(([k, v]) => ` ${k}="${v}"`).join("");
  return `<${tag}${attrs}>${inner}</${tag}>`;
}
