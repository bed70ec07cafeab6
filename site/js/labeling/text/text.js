// <Text>: select spans with the mouse (or shift+arrows in the caret mode); offsets in UTF-16
// code units over the raw text, exactly Label Studio's JS string indexes. The text comes from the
// task value or, with valueType="url", from the file it names (source.js), decoded when
// encoding="base64"/"base64unicode"; a span snaps to its granularity (granularity.js); its value
// carries `text` unless saveTextResult="no" (the default for valueType="url").
import { html, useMemo, useRef, useState } from "../../lib/html.js";
import { registerTag, registerRegionKind } from "../core/registry.js";
import { selectionOffsets } from "./textpos.js";
import { snapSpan, textLayout } from "./granularity.js";
import { Highlighted, visibleSpans, clickRegion, caretProps, spanGranularity, rememberText, spanKind } from "./spans.js";
import { useSource, SourceNotice, savesText } from "./source.js";
import { truthy } from "../core/data.js";

/** A Text span: UTF-16 offsets into the text, and the text itself unless saveTextResult="no". */
const TEXT_SPAN = spanKind({
  positionKeys: ["start", "end", "text"],
  fromValue: (v) => ({ start: v.start, end: v.end }),
  toValue: ({ start, end }, { text, saveText }) => (saveText ? { start, end, text: text.slice(start, end) } : { start, end }),
});

const asText = (raw) => (raw == null ? "" : Array.isArray(raw) ? raw.join("\n") : String(raw));

export function TextObject({ node, def, store, ctx }) {
  const root = useRef(null);
  const [hint, setHint] = useState("");
  const state = store.getState();
  const a = node.attrs;
  const name = def?.name ?? a.name;
  const source = useSource(node, ctx, { parse: asText });
  const text = source.status === "ready" ? source.value : "";
  rememberText(store, name, text); // names spans saved without their text in the panel
  const layout = useMemo(() => textLayout(text), [text]);
  const spans = visibleSpans(store, name, (r) => TEXT_SPAN.fromValue(r.value));
  const selectable = !ctx.readOnly && a.selectionEnabled !== false && a.selectionEnabled !== "false";

  const finish = (event) => {
    if (clickRegion(store, event)) return;
    if (!selectable) return;
    const picked = selectionOffsets(root.current);
    if (!picked) return;
    const { start, end } = snapSpan(layout, picked.start, picked.end, spanGranularity(store, ctx.config, name, a.granularity));
    if (start >= end) return;
    const id = store.addRegion(name, TEXT_SPAN.toValue({ start, end }, { text, saveText: savesText(a) }));
    window.getSelection().removeAllRanges();
    setHint(id ? "" : "Pick a label first (click it or press its hotkey), then select the text.");
  };
  if (source.status !== "ready") {
    return html`<div class="lc-object lc-text-object"><${SourceNotice} source=${source} /></div>`;
  }
  // Keyboard: a caret moved with the arrows, extended with shift+arrows (spans.js caretProps).
  return html`<div class="lc-object lc-text-object">
    <div class=${`lc-text${truthy(a.inline) ? " lc-inline" : ""}`} ref=${root} tabIndex="0" role="document"
      aria-label=${`Text ${name}`} data-object=${name} onMouseUp=${finish} ...${selectable ? caretProps(finish) : {}}>
      <${Highlighted} text=${text} spans=${spans} store=${store} state=${state} />
    </div>
    ${hint && html`<p class="lc-hint" role="status">${hint}</p>`}
  </div>`;
}

registerRegionKind("text-span", TEXT_SPAN);
registerTag("Text", { kind: "object", component: TextObject, data: ["value"], regions: ["text-span"] });
