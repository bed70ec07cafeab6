// Shared by span objects (Text, HyperText, Paragraphs): highlighted segments, region clicks,
// the keyboard caret mode, the granularity a new span snaps to, and what their region kinds share
// (registry.js: a summary for the regions panel, the box relation arrows attach to).
// A highlight element carries data-region=<id of the top region> and data-regions=<every id>.
import { html } from "../../lib/html.js";
import { segments } from "./textpos.js";
import { labelColors, regionColor, tint } from "../core/colors.js";
import { isRegionControl } from "../core/registry.js";

/** The text of [0, text.length) with every visible region over it highlighted (a region with several
 * labels: filled in its first label's colour, underlined in its last one's). */
export function Highlighted({ text, spans, state }) {
  const byId = new Map(spans.map((s) => [s.id, s]));
  return segments(text.length, spans).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.ids.length) return piece;
    const top = byId.get(seg.ids.at(-1));
    const selected = seg.ids.includes(state.selected);
    const color = top.color;
    return html`<span class=${`lc-hl${selected ? " lc-selected" : ""}`} data-region=${seg.ids.at(-1)}
      data-regions=${seg.ids.join(" ")} style=${{ background: tint(color, Math.min(70, 30 + 12 * (seg.ids.length - 1))), borderBottomColor: top.last ?? color }}>${piece}</span>`;
  });
}

// The text each object shows, per view (told by the objects as they render): a span saved
// without `text` (saveTextResult="no", the default of valueType="url") is named by its words.
const SHOWN = new WeakMap();

/** Called by a text object as it renders: `objectName` shows `text` in the view of `store`. */
export function rememberText(store, objectName, text) {
  if (!SHOWN.has(store)) SHOWN.set(store, new Map());
  SHOWN.get(store).set(objectName, text);
}

/** A span region kind (registry.js) with the summary and box every span object shares. */
export function spanKind(spec) {
  return { summary: spanSummary, box: spanBox, ...spec };
}

/** A span's summary: its text, else the words it covers, else its offsets, else its type. */
function spanSummary(region, store) {
  const v = region.value ?? {};
  if (typeof v.text === "string") return v.text;
  const shown = SHOWN.get(store)?.get(region.to_name);
  if (typeof shown === "string" && Number.isInteger(v.start) && Number.isInteger(v.end)) return shown.slice(v.start, v.end);
  if ("start" in v) return `${v.start} – ${v.end}`;
  return region.type;
}

/** A span's box: the first line box of its highlight. */
function spanBox(region, root) {
  const esc = CSS.escape(region.id);
  const el = root.querySelector(`[data-region="${esc}"], [data-regions~="${esc}"]`);
  const rect = el && [...el.getClientRects()].find((r) => r.width > 0);
  return rect ? { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } : null;
}

/** Span regions of an object with their colours, hidden ones left out. */
export function visibleSpans(store, objectName, toSpan) {
  const st = store.getState();
  return store.regionsOf(objectName).filter((r) => !st.flags[r.id]?.hidden)
    .map((r) => ({ ...toSpan(r), id: r.id, color: regionColor(store, r), last: labelColors(store, r.id).at(-1)?.color }));
}

/** A click on a highlighted span: select the region, or finish a relation started with alt+r. */
export function clickRegion(store, event) {
  if (!window.getSelection()?.isCollapsed) return false;
  const el = event.target.closest?.("[data-region]");
  if (!el) return false;
  const id = el.dataset.region;
  const { relating } = store.getState();
  if (relating) store.addRelation(relating, id);
  else store.select(store.getState().selected === id ? null : id);
  return true;
}

/**
 * The granularity of the next span on an object, as Label Studio picks it: the `granularity` of
 * the first picked label of the first labels control bound to the object (config order, label
 * order), else the object's own, else "symbol".
 */
export function spanGranularity(store, config, objectName, own) {
  const { active } = store.getState();
  for (const ctl of config?.controls ?? []) {
    if (!isRegionControl(ctl.tag) || !ctl.to_name.includes(objectName) || !active[ctl.name]?.length) continue;
    const label = ctl.labels?.find((l) => active[ctl.name].includes(l.value));
    return label?.attrs?.granularity ?? own ?? "symbol";
  }
  return own ?? "symbol";
}

const refuse = (e) => e.preventDefault();

/**
 * Keyboard selection for a span object: the element takes a caret (contenteditable that refuses
 * every edit), the arrows move it, shift+arrows extend it, and `finish` runs when shift is released.
 */
export function caretProps(finish) {
  return {
    contentEditable: "true", spellcheck: false, "aria-readonly": "true",
    onKeyUp: (e) => { if (e.key === "Shift") finish(e); },
    onBeforeInput: refuse, onPaste: refuse, onDrop: refuse, onCut: refuse,
  };
}
