// <Text>: select spans with the mouse (or shift+arrows in the caret mode); offsets in UTF-16
// code units over the raw text, exactly Label Studio's JS string indexes.
import { html, useRef, useState } from "../../lib/html.js";
import { registerTag } from "../registry.js";
import { selectionOffsets, snapToWords } from "../textpos.js";
import { Highlighted, visibleSpans, clickRegion, caretProps } from "./spans.js";
import { truthy } from "../data.js";

export function TextObject({ node, def, store, ctx }) {
  const root = useRef(null);
  const [hint, setHint] = useState("");
  const state = store.getState();
  const name = def?.name ?? node.attrs.name;
  const raw = ctx.resolve(node.attrs.value);
  const text = raw == null ? "" : Array.isArray(raw) ? raw.join("\n") : String(raw);
  const spans = visibleSpans(store, name, (r) => ({ start: r.value.start, end: r.value.end }));
  const selectable = !ctx.readOnly && node.attrs.selectionEnabled !== false && node.attrs.selectionEnabled !== "false";

  const finish = (event) => {
    if (clickRegion(store, event)) return;
    if (!selectable) return;
    const picked = selectionOffsets(root.current);
    if (!picked) return;
    let { start, end } = picked;
    if (node.attrs.granularity === "word") ({ start, end } = snapToWords(text, start, end));
    if (start >= end) return;
    const id = store.addRegion(name, { start, end, text: text.slice(start, end) });
    window.getSelection().removeAllRanges();
    setHint(id ? "" : "Pick a label first (click it or press its hotkey), then select the text.");
  };
  // Keyboard: a caret moved with the arrows, extended with shift+arrows (spans.js caretProps).
  return html`<div class="lc-object lc-text-object">
    <div class=${`lc-text${truthy(node.attrs.inline) ? " lc-inline" : ""}`} ref=${root} tabIndex="0" role="document"
      aria-label=${`Text ${name}`} data-object=${name} onMouseUp=${finish} ...${selectable ? caretProps(finish) : {}}>
      <${Highlighted} text=${text} spans=${spans} store=${store} state=${state} />
    </div>
    ${hint && html`<p class="lc-hint" role="status">${hint}</p>`}
  </div>`;
}

registerTag("Text", { kind: "object", component: TextObject });
