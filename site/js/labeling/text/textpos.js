// Text positions in the DOM as Label Studio counts them: UTF-16 code units (JS string
// indexes) over the text nodes under a root, ignoring nodes marked data-lc-skip (label badges).

/** The text nodes under root, in document order. */
export function textNodes(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest("[data-lc-skip]") && root.contains(n.parentElement.closest("[data-lc-skip]"))
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

/** The offset of a DOM point (node, offset) in the text under root. */
export function pointToOffset(root, node, offset) {
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  let acc = 0;
  for (const t of textNodes(root)) {
    if (t === node) return acc + offset;
    if (before.comparePoint(t, t.length) !== 0) break;
    acc += t.length;
  }
  return acc;
}

/** The DOM point at a text offset: {node, offset}; at a boundary, the start of the next node unless `atEnd`. */
export function offsetToPoint(root, target, atEnd = false) {
  let acc = 0;
  const nodes = textNodes(root);
  for (const t of nodes) {
    const len = t.length;
    if (target < acc + len || (atEnd && target === acc + len)) return { node: t, offset: target - acc };
    acc += len;
  }
  const last = nodes.at(-1);
  return last ? { node: last, offset: last.length } : null;
}

/** The window selection as {start, end} offsets in root, or null when it is empty or outside. */
export function selectionOffsets(root) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const start = pointToOffset(root, r.startContainer, r.startOffset);
  const end = pointToOffset(root, r.endContainer, r.endOffset);
  return start < end ? { start, end } : null;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const isWord = (text, i) => {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i);
  const low = i > 0 && cp >= 0xdc00 && cp <= 0xdfff ? text.codePointAt(i - 1) : cp;
  return WORD.test(String.fromCodePoint(low));
};

/** Expand [start, end) to whole words (granularity="word"); trims surrounding spaces first. */
export function snapToWords(text, start, end) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (start > 0 && isWord(text, start - 1) && isWord(text, start)) start--;
  while (end < text.length && isWord(text, end) && isWord(text, end - 1)) end++;
  return { start, end };
}

/** The text under root split at every region boundary: [{start, end, ids: [...]}]. */
export function segments(length, regions) {
  const cuts = new Set([0, length]);
  for (const r of regions) { cuts.add(clamp(r.start, length)); cuts.add(clamp(r.end, length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (s === e) continue;
    out.push({ start: s, end: e, ids: regions.filter((r) => r.start <= s && r.end >= e).sort((a, b) => (b.end - b.start) - (a.end - a.start)).map((r) => r.id) });
  }
  return out;
}

const clamp = (v, len) => Math.max(0, Math.min(len, Number(v) || 0));

/** The XPath of a node relative to root, Label Studio style: "/div[1]/p[2]/text()[1]". */
export function xpathOf(root, node) {
  const steps = [];
  for (let n = node; n && n !== root; n = n.parentNode) {
    const name = n.nodeType === Node.TEXT_NODE ? "text()" : n.nodeName.toLowerCase();
    let index = 1;
    for (let s = n.previousSibling; s; s = s.previousSibling) {
      if (s.nodeType === n.nodeType && (n.nodeType === Node.TEXT_NODE || s.nodeName === n.nodeName)) index++;
    }
    steps.unshift(`${name}[${index}]`);
  }
  return `/${steps.join("/")}`;
}

/** The node an XPath written by xpathOf names under root, or null. */
export function nodeAtXpath(root, path) {
  let cur = root;
  for (const step of String(path).split("/").filter(Boolean)) {
    const m = /^([\w-]+|text\(\))\[(\d+)\]$/.exec(step);
    if (!m || !cur) return null;
    const want = Number(m[2]);
    let seen = 0;
    let found = null;
    for (const c of cur.childNodes) {
      const ok = m[1] === "text()" ? c.nodeType === Node.TEXT_NODE : c.nodeName.toLowerCase() === m[1];
      if (ok && ++seen === want) { found = c; break; }
    }
    cur = found;
  }
  return cur;
}
