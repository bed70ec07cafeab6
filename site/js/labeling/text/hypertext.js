// <HyperText>: task HTML shown sanitized (DOMPurify: no script, no event handlers, no remote
// loads), spans saved as XPath start/end + offsets (relative to the rendered root, on the HTML as
// given, not on our highlight wrappers) + globalOffsets (UTF-16 offsets in the root's text).
// Keyboard: the same caret mode as Text (arrows move, shift+arrows extend, releasing shift labels).
// The HTML comes from the task value or, with valueType="url", from the file it names, decoded
// when encoding="base64"/"base64unicode" (source.js); spans snap to their granularity over the
// rendered blocks (granularity.js domLayout); saveTextResult="no" leaves `text` out.
import { html, useLayoutEffect, useMemo, useRef, useState } from "../../lib/html.js";
import DOMPurify from "../../../vendor/purify.mjs";
import { registerTag, registerRegionKind } from "../core/registry.js";
import { selectionOffsets, offsetToPoint, xpathOf, nodeAtXpath, pointToOffset, textNodes } from "./textpos.js";
import { domLayout, snapSpan } from "./granularity.js";
import { visibleSpans, clickRegion, caretProps, spanGranularity, spanKind } from "./spans.js";
import { useSource, SourceNotice, savesText } from "./source.js";
import { tint } from "../core/colors.js";
import { truthy } from "../core/data.js";

const LOCAL_URL = /^(data:image\/|blob:|#)/i;
const FORBID_TAGS = ["script", "style", "link", "meta", "base", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select", "audio", "video", "source", "track", "svg", "math"];

/** Sanitize task HTML into a DocumentFragment: nothing runs, nothing loads from elsewhere. */
export function sanitize(raw, { clickableLinks = false } = {}) {
  const hook = (_node, data) => {
    const name = data.attrName;
    if ((name === "src" || name === "srcset" || name === "poster" || name === "background") && !LOCAL_URL.test(data.attrValue)) data.keepAttr = false;
    if (name === "href" && (!clickableLinks || !/^https?:|^mailto:|^#/i.test(data.attrValue))) data.keepAttr = false;
    if (name === "style" && /url\s*\(|expression|@import/i.test(data.attrValue)) data.keepAttr = false;
  };
  DOMPurify.addHook("uponSanitizeAttribute", hook);
  try {
    return DOMPurify.sanitize(String(raw ?? ""), {
      RETURN_DOM_FRAGMENT: true, FORBID_TAGS, FORBID_ATTR: ["srcset", "ping", "formaction", "action"],
      ALLOW_DATA_ATTR: false, ADD_ATTR: clickableLinks ? ["target"] : [],
    });
  } finally {
    DOMPurify.removeHook("uponSanitizeAttribute");
  }
}

/** Wrap [start, end) of root's text in highlight spans (one per text node crossed). */
function wrapRange(root, start, end, make) {
  let acc = 0;
  for (const t of textNodes(root)) {
    const len = t.length;
    const s = Math.max(start, acc);
    const e = Math.min(end, acc + len);
    acc += len;
    if (s >= e) continue;
    let node = t;
    if (s - (acc - len) > 0) node = node.splitText(s - (acc - len));
    if (e - s < node.length) node.splitText(e - s);
    const span = make();
    node.parentNode.insertBefore(span, node);
    span.append(node);
  }
}

/** The global offsets of a saved region: globalOffsets when present, else its XPaths. */
export function globalOf(pristine, value) {
  if (value.globalOffsets) return value.globalOffsets;
  const s = nodeAtXpath(pristine, value.start);
  const e = nodeAtXpath(pristine, value.end);
  if (!s || !e) return null;
  return { start: pointToOffset(pristine, s, value.startOffset), end: pointToOffset(pristine, e, value.endOffset) };
}

/**
 * A HyperText span: XPaths and offsets in the HTML as given (`root`: the sanitized, unwrapped
 * HTML), globalOffsets in its text, and the text unless saveTextResult="no".
 */
const HYPERTEXT_SPAN = spanKind({
  positionKeys: ["start", "end", "startOffset", "endOffset", "globalOffsets", "text"],
  fromValue: (value, { root }) => globalOf(root, value),
  toValue({ start, end }, { root, text, saveText }) {
    const from = offsetToPoint(root, start);
    const to = offsetToPoint(root, end, true);
    return {
      start: xpathOf(root, from.node), end: xpathOf(root, to.node),
      startOffset: from.offset, endOffset: to.offset,
      globalOffsets: { start, end }, ...(saveText ? { text: text.slice(start, end) } : {}),
    };
  },
});

export function HyperTextObject({ node, def, store, ctx }) {
  const root = useRef(null);
  const [hint, setHint] = useState("");
  const a = node.attrs;
  const name = def?.name ?? a.name;
  const source = useSource(node, ctx);
  const raw = source.status === "ready" ? source.value : "";
  const pristine = useMemo(() => {
    const holder = document.createElement("div");
    holder.append(sanitize(raw, { clickableLinks: truthy(a.clickableLinks) }));
    return holder;
  }, [raw, a.clickableLinks]);
  const state = store.getState();
  const spans = visibleSpans(store, name, (r) => HYPERTEXT_SPAN.fromValue(r.value, { root: pristine }) ?? { start: 0, end: 0 });

  // Rebuilt only when what it shows changes, so an unrelated render never drops a selection.
  const shown = JSON.stringify([spans, state.selected]);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    el.replaceChildren(...pristine.cloneNode(true).childNodes);
    for (const sp of [...spans].sort((x, y) => (y.end - y.start) - (x.end - x.start))) {
      wrapRange(el, sp.start, sp.end, () => {
        const span = document.createElement("span");
        span.className = `lc-hl${sp.id === state.selected ? " lc-selected" : ""}`;
        span.dataset.region = sp.id;
        span.style.background = tint(sp.color);
        span.style.borderBottomColor = sp.color;
        return span;
      });
    }
  }, [pristine, shown, source.status]);

  const finish = (event) => {
    if (clickRegion(store, event)) return;
    if (ctx.readOnly || a.selectionEnabled === false) return;
    const picked = selectionOffsets(root.current);
    if (!picked) return;
    const layout = domLayout(root.current);
    const { start, end } = snapSpan(layout, picked.start, picked.end, spanGranularity(store, ctx.config, name, a.granularity));
    if (start >= end) return;
    const id = store.addRegion(name, HYPERTEXT_SPAN.toValue({ start, end }, { root: pristine, text: layout.text, saveText: savesText(a) }));
    window.getSelection().removeAllRanges();
    setHint(id ? "" : "Pick a label first (click it or press its hotkey), then select the text.");
  };
  const onClick = (e) => { if (!truthy(a.clickableLinks) && e.target.closest?.("a")) e.preventDefault(); };
  const selectable = !ctx.readOnly && a.selectionEnabled !== false && a.selectionEnabled !== "false";
  if (source.status !== "ready") {
    return html`<div class="lc-object lc-hypertext-object"><${SourceNotice} source=${source} kind="HTML" /></div>`;
  }
  return html`<div class="lc-object lc-hypertext-object">
    <div class=${`lc-hypertext${truthy(a.inline) ? " lc-inline" : ""}`} ref=${root} tabIndex="0" role="document"
      aria-label=${`HyperText ${name}`} data-object=${name} onMouseUp=${finish} onClick=${onClick}
      ...${selectable ? caretProps(finish) : {}}></div>
    ${hint && html`<p class="lc-hint" role="status">${hint}</p>`}
  </div>`;
}

registerRegionKind("hypertext-span", HYPERTEXT_SPAN);
registerTag("HyperText", { kind: "object", component: HyperTextObject, data: ["value"], regions: ["hypertext-span"] });
