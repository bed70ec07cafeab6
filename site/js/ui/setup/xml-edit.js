// Edits of a config's XML text that keep the person's formatting: the text is scanned into
// elements with their exact offsets (start tag, attributes and their value ranges, end tag), and
// every edit is a splice of one range. Nothing is re-serialized, so comments, blank lines,
// attribute order and quoting stay as they were. Pure functions: no DOM, no state.
//
//   scan(xml)                   -> {elements, roots, complete}
//   setAttr(xml, el, name, v)   -> xml with attribute `name` set to v (null removes it)
//   removeElement(xml, el)      -> xml without el (and without the line it leaves empty)
//   appendChild(xml, parent, markup) -> xml with markup as parent's last child, indented like its siblings
//   labelControls(xml)          -> the controls whose items (Label / Choice / Relation) can be edited

const NAME_END = /[\s=/>]/;

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === "#") {
      const code = ref[1].toLowerCase() === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** `value` escaped for an attribute quoted with `quote`. */
export function escapeAttr(value, quote = '"') {
  const text = String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "&#10;");
  return quote === '"' ? text.replace(/"/g, "&quot;") : text.replace(/'/g, "&apos;");
}

function skipPast(xml, from, marker) {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** Parse a start tag at `at` (xml[at] === "<"); null when it is cut short. */
function readStartTag(xml, at) {
  let i = at + 1;
  while (i < xml.length && !NAME_END.test(xml[i])) i++;
  const el = { tag: xml.slice(at + 1, i), start: at, nameEnd: i, attrs: [], children: [], parent: null };
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    if (i >= xml.length) return null;
    if (xml[i] === ">" || xml.startsWith("/>", i)) {
      el.selfClosing = xml[i] === "/";
      el.openEnd = i + (el.selfClosing ? 2 : 1);
      el.end = el.selfClosing ? el.openEnd : null;
      return el;
    }
    const nameStart = i;
    while (i < xml.length && !NAME_END.test(xml[i])) i++;
    if (i === nameStart) return null; // a stray "=" or "/": not a tag we can edit safely
    const attr = { name: xml.slice(nameStart, i), start: nameStart, value: "", quote: '"', vStart: i, vEnd: i, end: i };
    let j = i;
    while (j < xml.length && /\s/.test(xml[j])) j++;
    if (xml[j] === "=") {
      j++;
      while (j < xml.length && /\s/.test(xml[j])) j++;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") return null;
      const close = xml.indexOf(quote, j + 1);
      if (close < 0) return null;
      Object.assign(attr, { quote, vStart: j + 1, vEnd: close, end: close + 1, value: decode(xml.slice(j + 1, close)) });
      i = close + 1;
    }
    el.attrs.push(attr);
  }
}

/** Every element of `xml` with its offsets. `complete` is false when the text stops mid-markup. */
export function scan(xml) {
  const elements = [];
  const roots = [];
  const stack = [];
  let i = 0;
  let complete = true;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    let next;
    if (xml.startsWith("<!--", lt)) next = skipPast(xml, lt + 4, "-->");
    else if (xml.startsWith("<![CDATA[", lt)) next = skipPast(xml, lt + 9, "]]>");
    else if (xml.startsWith("<?", lt)) next = skipPast(xml, lt + 2, "?>");
    else if (xml.startsWith("<!", lt)) next = skipPast(xml, lt + 2, ">");
    else if (xml.startsWith("</", lt)) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) { complete = false; break; }
      const name = xml.slice(lt + 2, gt).trim();
      const depth = stack.map((e) => e.tag).lastIndexOf(name);
      if (depth >= 0) {
        while (stack.length > depth + 1) stack.pop().end = lt; // unclosed children end where the parent does
        const el = stack.pop();
        el.closeStart = lt;
        el.end = gt + 1;
      }
      next = gt + 1;
    } else {
      const el = readStartTag(xml, lt);
      if (!el) { complete = false; break; }
      el.parent = stack.at(-1) ?? null;
      (el.parent ? el.parent.children : roots).push(el);
      elements.push(el);
      if (!el.selfClosing) stack.push(el);
      next = el.openEnd;
    }
    if (next < 0) { complete = false; break; }
    i = next;
  }
  for (const el of stack) { el.end = xml.length; complete = false; }
  return { elements, roots, complete };
}

export function getAttr(el, name) {
  const wanted = name.toLowerCase();
  return el.attrs.find((a) => a.name.toLowerCase() === wanted) ?? null;
}

const splice = (xml, from, to, text) => xml.slice(0, from) + text + xml.slice(to);

/** Set (or with null / "" remove) one attribute, in place when it exists, after the last one otherwise. */
export function setAttr(xml, el, name, value) {
  const attr = getAttr(el, name);
  if (value === null || value === undefined || value === "") {
    if (!attr) return xml;
    let from = attr.start;
    while (from > 0 && /[ \t]/.test(xml[from - 1])) from--;
    return splice(xml, from, attr.end, "");
  }
  if (attr) return splice(xml, attr.vStart, attr.vEnd, escapeAttr(value, attr.quote));
  const after = el.attrs.length ? el.attrs.at(-1).end : el.nameEnd;
  return splice(xml, after, after, ` ${name}="${escapeAttr(value)}"`);
}

function lineStart(xml, at) {
  return xml.lastIndexOf("\n", at - 1) + 1;
}

/** The whitespace before `el` on its line ("" when something else precedes it there). */
export function indentOf(xml, el) {
  const before = xml.slice(lineStart(xml, el.start), el.start);
  return /^[ \t]*$/.test(before) ? before : "";
}

/** The document's indentation step: the first increase seen from a parent to its child, else two spaces. */
function indentUnit(xml, elements) {
  for (const el of elements) {
    if (!el.parent) continue;
    const outer = indentOf(xml, el.parent);
    const inner = indentOf(xml, el);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return "  ";
}

/** Remove `el`; when it sat alone on its line(s), the line goes too. */
export function removeElement(xml, el) {
  let from = el.start;
  let to = el.end;
  const head = lineStart(xml, from);
  const lineEnd = xml.indexOf("\n", to);
  const tailEnd = lineEnd < 0 ? xml.length : lineEnd;
  if (/^[ \t]*$/.test(xml.slice(head, from)) && /^[ \t]*$/.test(xml.slice(to, tailEnd))) {
    from = head;
    to = lineEnd < 0 ? xml.length : lineEnd + 1;
  }
  return splice(xml, from, to, "");
}

/** Insert `markup` as the last child of `parent`, indented like its siblings (or one step in). */
export function appendChild(xml, parent, markup, elements = scan(xml).elements) {
  const last = parent.children.at(-1);
  if (last) {
    const ownLine = /^[ \t]*$/.test(xml.slice(lineStart(xml, last.start), last.start));
    return splice(xml, last.end, last.end, ownLine ? `\n${indentOf(xml, last)}${markup}` : markup);
  }
  const outer = indentOf(xml, parent);
  const inner = outer + indentUnit(xml, elements);
  if (parent.selfClosing) {
    let from = parent.openEnd - 2;
    while (from > parent.nameEnd && /\s/.test(xml[from - 1])) from--;
    return splice(xml, from, parent.openEnd, `>\n${inner}${markup}\n${outer}</${parent.tag}>`);
  }
  // An empty element: <Labels ...>   </Labels>; whatever whitespace was inside is replaced.
  return splice(xml, parent.openEnd, parent.closeStart, `\n${inner}${markup}\n${outer}`);
}

// Controls whose items the visual editor edits, by tag: the item tag and which of its
// attributes carry a colour and a hotkey (Label Studio's attributes for that item).
const LABEL_ITEM = { item: "Label", colour: "background", hotkey: "hotkey" };
export const LABEL_CONTROLS = {
  Labels: LABEL_ITEM, RectangleLabels: LABEL_ITEM, PolygonLabels: LABEL_ITEM, KeyPointLabels: LABEL_ITEM,
  EllipseLabels: LABEL_ITEM, BrushLabels: LABEL_ITEM, BitmaskLabels: LABEL_ITEM, VectorLabels: LABEL_ITEM,
  TimelineLabels: LABEL_ITEM, TimeSeriesLabels: LABEL_ITEM, ParagraphLabels: LABEL_ITEM,
  HyperTextLabels: LABEL_ITEM, OcrLabels: LABEL_ITEM,
  Choices: { item: "Choice", colour: null, hotkey: "hotkey" },
  Taxonomy: { item: "Choice", colour: null, hotkey: null },
  Relations: { item: "Relation", colour: "background", hotkey: null },
};
const CONTROL_BY_LOWER = Object.fromEntries(Object.keys(LABEL_CONTROLS).map((k) => [k.toLowerCase(), k]));

/**
 * The controls of `xml` that hold editable items, in document order:
 * [{el, tag, name, spec, items: [{el, value, colour, hotkey}]}]. Only direct children are
 * items (a Taxonomy's nested choices are edited in the code).
 */
export function labelControls(xml, scanned = scan(xml)) {
  const out = [];
  for (const el of scanned.elements) {
    const tag = CONTROL_BY_LOWER[el.tag.toLowerCase()];
    if (!tag) continue;
    const spec = LABEL_CONTROLS[tag];
    const items = el.children.filter((c) => c.tag.toLowerCase() === spec.item.toLowerCase()).map((c) => ({
      el: c,
      value: getAttr(c, "value")?.value ?? "",
      colour: spec.colour ? getAttr(c, spec.colour)?.value ?? null : null,
      hotkey: spec.hotkey ? getAttr(c, spec.hotkey)?.value ?? null : null,
    }));
    out.push({ el, tag, name: getAttr(el, "name")?.value ?? "", spec, items });
  }
  return out;
}

/** `<Label value="..." background="..."/>` for a control spec (no colour for items without one). */
export function itemMarkup(spec, value, colour) {
  const colourAttr = spec.colour && colour ? ` ${spec.colour}="${escapeAttr(colour)}"` : "";
  return `<${spec.item} value="${escapeAttr(value)}"${colourAttr}/>`;
}
