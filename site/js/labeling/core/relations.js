// Relations drawn as arrows over the objects: one SVG layer above the main area, shared by every
// object kind. An arrow goes from the top of its `from` region to the top of its `to` region,
// arched above both; the direction (right: from -> to, left: to -> from, bi: both) shows as
// arrow heads, the relation labels as a tag on the arch. A click (or Enter / Space on the focused
// arrow) cycles the direction right -> left -> bi, as Label Studio's relation arrows do.
//
// Where a region is on screen is its region kind's `box` (registry.js), kept inside its `frame`
// when it gives one. The layer re-measures after every store change, on resize and scroll, and
// when an object tells it its regions moved without a store change (regionsMoved: a pan, a zoom,
// a redraw of an image).
import { html, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { useStore } from "./hooks.js";
import { regionBoxOf, regionSummary } from "./registry.js";

export const DIRECTION_SIGNS = { right: "→", left: "←", bi: "↔" };
export const NEXT_DIRECTION = { right: "left", left: "bi", bi: "right" };
const MOVED = "lc-regions-moved";

/** Tell the relation arrows that the regions shown in `el` moved (no store change did it). */
export function regionsMoved(el) {
  el?.dispatchEvent(new Event(MOVED, { bubbles: true }));
}

/**
 * `box` kept inside `frame` (both client rects): the part of it in view, or, when none of it is
 * (a region panned or scrolled out of an image's view), a point on the frame's nearest edge with
 * `hidden: true`, so its arrow ends at the edge pointing the way instead of over other things.
 */
export function clampBox(box, frame) {
  const left = Math.max(box.left, frame.left), right = Math.min(box.right, frame.right);
  const top = Math.max(box.top, frame.top), bottom = Math.min(box.bottom, frame.bottom);
  if (left <= right && top <= bottom) return { left, top, right, bottom, hidden: false };
  const x = Math.min(Math.max((box.left + box.right) / 2, frame.left), frame.right);
  const y = Math.min(Math.max(box.top, frame.top), frame.bottom);
  return { left: x, right: x, top: y, bottom: y, hidden: true };
}

/** The client box of a region in `root`, or null when it is not shown. */
export function regionBox(store, root, id) {
  const region = store.region(id);
  const box = region && regionBoxOf(store, region, root);
  if (!box) return null;
  const { frame, ...rect } = box;
  return frame ? clampBox(rect, frame) : rect;
}

/** A short name of a region: "PER: Zoë". */
export function regionName(store, id) {
  const r = store.region(id);
  if (!r) return id;
  const text = regionSummary(r, store);
  return `${store.labelsOf(id).join(", ") || r.type}: ${text.length > 24 ? `${text.slice(0, 23)}…` : text}`;
}

function measure(store, root, relations) {
  if (!root) return [];
  const base = root.getBoundingClientRect();
  const out = [];
  relations.forEach((rel, index) => {
    const a = regionBox(store, root, rel.from_id);
    const b = regionBox(store, root, rel.to_id);
    if (!a || !b) return;
    const p = { x: (a.left + a.right) / 2 - base.left, y: a.top - base.top };
    const q = { x: (b.left + b.right) / 2 - base.left, y: b.top - base.top };
    const lift = 18 + Math.min(40, Math.abs(p.x - q.x) / 8) + (index % 3) * 6;
    const top = Math.max(4, Math.min(p.y, q.y) - lift);
    out.push({ index, p, q, top, off: Boolean(a.hidden || b.hidden) });
  });
  return out;
}

export function RelationsOverlay({ store, root }) {
  const st = useStore(store);
  const [shapes, setShapes] = useState([]);
  const relations = store.relations();
  const latest = useRef(() => {});
  latest.current = () => {
    const next = measure(store, root.current, store.relations());
    setShapes((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  };
  // After every render of the store's state (the highlights are in the DOM by then).
  useLayoutEffect(() => { const f = requestAnimationFrame(() => latest.current()); return () => cancelAnimationFrame(f); }, [st]);
  useEffect(() => {
    const el = root.current;
    if (!el) return undefined;
    let frame = 0;
    const later = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(() => latest.current()); };
    const size = new ResizeObserver(later);
    size.observe(el);
    el.addEventListener(MOVED, later);
    el.addEventListener("scroll", later, true);
    addEventListener("resize", later);
    return () => { size.disconnect(); el.removeEventListener(MOVED, later); el.removeEventListener("scroll", later, true); removeEventListener("resize", later); cancelAnimationFrame(frame); };
  }, [root]);

  if (!relations.length) return null;
  const cycle = (rel) => { if (!store.readOnly) store.updateRelation(rel, { direction: NEXT_DIRECTION[rel.direction] ?? "right" }); };
  return html`<svg class="lc-relations-layer" aria-label="Relation arrows" role="group">
    <defs>
      <marker id="lc-arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
        <path d="M0 0 L10 5 L0 10 z" class="lc-arrow-head" />
      </marker>
    </defs>
    ${shapes.map(({ index, p, q, top, off }) => {
      const rel = relations[index];
      if (!rel) return null;
      const dir = rel.direction ?? "right";
      const mid = (p.x + q.x) / 2;
      const d = `M${p.x} ${p.y} C${p.x} ${top}, ${q.x} ${top}, ${q.x} ${q.y}`;
      const apex = { x: mid, y: (p.y + q.y) / 8 + (3 * top) / 4 };
      const text = (rel.labels ?? []).join(", ");
      const name = `${regionName(store, rel.from_id)} ${DIRECTION_SIGNS[dir] ?? "→"} ${regionName(store, rel.to_id)}`;
      const width = Math.max(16, text.length * 6.6 + 10);
      return html`<g key=${`${rel.from_id}-${rel.to_id}-${index}`} class=${`lc-arrow lc-dir-${dir}${off ? " lc-arrow-off" : ""}`} role="button" tabindex=${store.readOnly ? undefined : "0"}
        aria-label=${`Arrow ${name}${text ? ` (${text})` : ""}${off ? " (an end is out of view)" : ""}`} data-direction=${dir}
        onClick=${() => cycle(rel)} onKeyDown=${(e) => { if ((e.key === "Enter" || e.key === " ") && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); cycle(rel); } }}>
        <title>${name}${text ? ` · ${text}` : ""} — click to change the direction</title>
        <path d=${d} class="lc-arrow-hit" />
        <path d=${d} class="lc-arrow-line" marker-end=${dir !== "left" ? "url(#lc-arrow-head)" : undefined}
          marker-start=${dir !== "right" ? "url(#lc-arrow-head)" : undefined} />
        ${text && html`<g class="lc-arrow-tag" transform=${`translate(${apex.x - width / 2} ${apex.y - 9})`}>
          <rect width=${width} height="18" rx="4" /><text x=${width / 2} y="13" text-anchor="middle">${text}</text></g>`}
      </g>`;
    })}
  </svg>`;
}
