// <Paragraphs>: a list of {author, text} phrases (layout="dialogue": chat bubbles); spans may
// cross phrases and are saved as start/end phrase indexes (strings, like LS) + offsets in them.
// Keyboard: the same caret mode as Text (arrows move, shift+arrows extend, releasing shift labels).
// valueType="url": the phrases are the JSON list in the file the value names (source.js).
// saveTextResult="no" leaves `text` out of the span (Label Studio's default here is "yes").
import { html, useRef, useState } from "../../lib/html.js";
import { registerTag, registerRegionKind } from "../core/registry.js";
import { pointToOffset } from "./textpos.js";
import { Highlighted, visibleSpans, clickRegion, caretProps, spanKind } from "./spans.js";
import { useSource, SourceNotice, savesText } from "./source.js";

/** A Paragraphs span: phrase indexes (strings, as LS) and offsets in them, its text unless saveTextResult="no". */
const PHRASE_SPAN = spanKind({
  positionKeys: ["start", "end", "startOffset", "endOffset", "text"],
  fromValue: (value) => value,
  toValue: ({ from, to, text }, { saveText }) => ({
    start: String(from.index), end: String(to.index), startOffset: from.offset, endOffset: to.offset, ...(saveText ? { text } : {}),
  }),
});

const AUTHOR_COLORS = ["#4f63d8", "#1f8a57", "#b7791f", "#c8373a", "#9B5DE5", "#2A9DB4"];

function pointIn(el) {
  return (node, offset) => {
    const phrase = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest?.("[data-phrase]");
    if (!phrase || !el.contains(phrase)) return null;
    const body = phrase.querySelector(".lc-phrase-text");
    if (!body.contains(node)) return { index: Number(phrase.dataset.phrase), offset: body.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? 0 : body.textContent.length };
    return { index: Number(phrase.dataset.phrase), offset: pointToOffset(body, node, offset) };
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`The file is not JSON (a list of phrases is expected): ${err.message}`, { cause: err });
  }
}

export function ParagraphsObject({ node, def, store, ctx }) {
  const root = useRef(null);
  const [hint, setHint] = useState("");
  const a = node.attrs;
  const name = def?.name ?? a.name;
  const nameKey = a.nameKey ?? "author";
  const textKey = a.textKey ?? "text";
  const source = useSource(node, ctx, { parseLoaded: parseJson });
  const raw = source.status === "ready" ? source.value : null;
  const phrases = Array.isArray(raw) ? raw : [];
  const state = store.getState();
  const regions = visibleSpans(store, name, (r) => PHRASE_SPAN.fromValue(r.value));
  const authors = [...new Set(phrases.map((p) => String(p?.[nameKey] ?? "")))];

  const finish = (event) => {
    if (clickRegion(store, event) || ctx.readOnly) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const at = pointIn(root.current);
    const from = at(r.startContainer, r.startOffset);
    const to = at(r.endContainer, r.endOffset);
    if (!from || !to || (from.index === to.index && from.offset >= to.offset)) return;
    const pieces = [];
    for (let i = from.index; i <= to.index; i++) {
      const t = String(phrases[i]?.[textKey] ?? "");
      pieces.push(t.slice(i === from.index ? from.offset : 0, i === to.index ? to.offset : t.length));
    }
    const id = store.addRegion(name, PHRASE_SPAN.toValue({ from, to, text: pieces.join("\n") }, { saveText: savesText(a, true) }));
    sel.removeAllRanges();
    setHint(id ? "" : "Pick a label first (click it or press its hotkey), then select the text.");
  };

  if (source.status !== "ready") {
    return html`<div class="lc-object lc-paragraphs-object"><${SourceNotice} source=${source} kind="dialogue" /></div>`;
  }
  return html`<div class="lc-object lc-paragraphs-object">
    <div class=${`lc-paragraphs${a.layout === "dialogue" ? " lc-dialogue" : ""}`} ref=${root} role="document"
      aria-label=${`Paragraphs ${name}`} data-object=${name} onMouseUp=${finish} tabIndex="0" ...${ctx.readOnly ? {} : caretProps(finish)}>
      ${phrases.map((p, i) => {
        const text = String(p?.[textKey] ?? "");
        const spans = regions.flatMap((r) => {
          const [s, e] = [Number(r.start), Number(r.end)];
          if (i < s || i > e) return [];
          return [{ id: r.id, color: r.color, start: i === s ? r.startOffset : 0, end: i === e ? r.endOffset : text.length }];
        });
        const author = String(p?.[nameKey] ?? "");
        const color = AUTHOR_COLORS[authors.indexOf(author) % AUTHOR_COLORS.length];
        return html`<div class="lc-phrase" data-phrase=${i} key=${i} style=${{ "--author": color }}>
          ${author && html`<span class="lc-author" data-lc-skip>${author}</span>`}
          <span class="lc-phrase-text"><${Highlighted} text=${text} spans=${spans} store=${store} state=${state} /></span>
        </div>`;
      })}
    </div>
    ${!phrases.length && html`<p class="muted">No phrases in <code>${a.value}</code> for this task.</p>`}
    ${hint && html`<p class="lc-hint" role="status">${hint}</p>`}
  </div>`;
}

registerRegionKind("phrase-span", PHRASE_SPAN);
registerTag("Paragraphs", { kind: "object", component: ParagraphsObject, data: ["value"], regions: ["phrase-span"] });
