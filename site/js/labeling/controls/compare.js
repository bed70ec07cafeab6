// <Ranker> (order <List> items, optionally into <Bucket>s; drag them with the pointer or move them
// with the arrow keys) and <Pairwise> (pick left or right),
// plus <Relations>, whose UI lives in the regions panel.
import { html, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { registerTag } from "../core/registry.js";
import { classificationOf } from "./common.js";
import { listItems } from "../display/index.js";

// Ranker value (Label Studio): without <Bucket>s {ranker: {<List name>: [ids in order]}}; with
// buckets {ranker: {<bucket name>: [ids], ...}} plus "_" for the items still in the original
// list, unless a bucket has default="true" (then every item starts in that bucket).
/** The columns of a Ranker: [{name, title}] (the original list first when it is one). */
export function rankerColumns(node, listName) {
  const buckets = (node.children ?? []).filter((c) => c.tag === "Bucket").map((b) => ({
    name: String(b.attrs.name), title: String(b.attrs.title ?? b.attrs.name), default: b.attrs.default === true || b.attrs.default === "true",
  }));
  if (!buckets.length) return { columns: [{ name: listName, title: null }], start: listName };
  const dflt = buckets.find((b) => b.default);
  return { columns: dflt ? buckets : [{ name: "_", title: "Items" }, ...buckets], start: dflt ? dflt.name : "_" };
}

/** The ranker state now: every item in exactly one column. */
export function rankerState(columns, start, ids, stored) {
  const state = Object.fromEntries(columns.map((c) => [c.name, []]));
  const seen = new Set();
  for (const [col, list] of Object.entries(stored ?? {})) {
    if (!state[col]) continue;
    for (const id of list) if (ids.includes(id) && !seen.has(id)) { state[col].push(id); seen.add(id); }
  }
  for (const id of ids) if (!seen.has(id)) state[start].push(id);
  return state;
}

/** Move item `id` to column `to` before index `at` (the end when at is null). */
export function moveItem(state, id, to, at = null) {
  const next = Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.filter((x) => x !== id)]));
  const list = next[to];
  const from = Object.keys(state).find((k) => state[k].includes(id));
  let index = at ?? list.length;
  if (from === to && at != null && state[to].indexOf(id) < at) index -= 1;
  list.splice(Math.max(0, Math.min(index, list.length)), 0, id);
  return next;
}

function RankerControl({ node, def, store, ctx }) {
  const [dragging, setDragging] = useState(null);
  const root = useRef(null);
  const focus = useRef(null); // the item to keep focused once it is re-rendered in its new place
  useLayoutEffect(() => {
    if (!focus.current) return;
    root.current?.querySelector(`[data-rank-id="${CSS.escape(focus.current)}"]`)?.focus();
    focus.current = null;
  });
  const setFocus = (id) => { focus.current = id; };
  if (!def) return null;
  const listName = def.to_name[0];
  const list = ctx.objects.get(listName);
  const items = listItems(ctx.read(list, "value"));
  const byId = new Map(items.map((it) => [it.id, it]));
  const { columns, start } = rankerColumns(node, listName);
  const cls = classificationOf(store, def);
  const state = rankerState(columns, start, items.map((it) => it.id), cls.value?.ranker);
  const save = (next) => { if (!ctx.readOnly && !store.readOnly) cls.set({ ranker: next }); };
  const title = (id) => byId.get(id)?.title || id;
  const onKeyDown = (e, col, i, id) => {
    const c = columns.findIndex((x) => x.name === col);
    const moves = {
      ArrowUp: () => i > 0 && moveItem(state, id, col, i - 1),
      ArrowDown: () => i < state[col].length - 1 && moveItem(state, id, col, i + 2),
      ArrowLeft: () => c > 0 && moveItem(state, id, columns[c - 1].name),
      ArrowRight: () => c < columns.length - 1 && moveItem(state, id, columns[c + 1].name),
    };
    if (!moves[e.key] || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    const next = moves[e.key]();
    if (next) { setFocus(id); save(next); }
  };
  // Drag with the pointer: the item follows nothing fancy; where it is released decides the
  // column (and the item it goes before).
  const onPointerDown = (e, id) => {
    if (e.button !== 0 || ctx.readOnly) return;
    e.preventDefault();
    setDragging(id);
    const up = (ev) => {
      removeEventListener("pointerup", up);
      setDragging(null);
      const el = document.elementFromPoint(ev.clientX, ev.clientY);
      const col = el?.closest?.("[data-rank-column]");
      if (!col || !root.current.contains(col)) return;
      const before = el.closest("[data-rank-id]");
      const target = col.dataset.rankColumn;
      let at = null;
      if (before && before.dataset.rankId !== id) {
        const r = before.getBoundingClientRect();
        at = state[target].indexOf(before.dataset.rankId) + (ev.clientY > r.top + r.height / 2 ? 1 : 0);
      }
      if (before?.dataset.rankId === id) return;
      setFocus(id);
      save(moveItem(state, id, target, at));
    };
    addEventListener("pointerup", up);
  };
  const multi = columns.length > 1;
  return html`<div class=${`lc-ranker${multi ? " lc-ranker-buckets" : ""}`} role="group" aria-label=${def.name} ref=${root}>
    ${columns.map((col) => html`<section key=${col.name} class="lc-rank-column htx-ranker-column" data-rank-column=${col.name} aria-label=${col.title ?? def.name}>
      ${col.title && html`<h4>${col.title} <span class="muted">${state[col.name].length}</span></h4>`}
      <ol>${state[col.name].map((id, i) => html`<li key=${id} class=${`lc-rank-item htx-ranker-item${dragging === id ? " lc-dragging" : ""}`} data-rank-id=${id} tabIndex="0"
        aria-label=${title(id)} aria-roledescription="sortable item" title="Drag, or use the arrow keys (up/down: order, left/right: column)"
        onKeyDown=${(e) => onKeyDown(e, col.name, i, id)} onPointerDown=${(e) => onPointerDown(e, id)}>
        <span class="lc-rank-title"><b>${byId.get(id)?.title ?? id}</b> ${byId.get(id)?.body ?? ""}</span>
      </li>`)}
      ${!state[col.name].length && html`<li class="lc-rank-empty muted" aria-hidden="true">Drop items here</li>`}</ol>
    </section>`)}
  </div>`;
}

const SIDES = ["left", "right"];

// Pairwise: {selected: "left" | "right"}. A click on either object picks it (as in Label Studio),
// outlined once picked; the two buttons do the same from the keyboard.
function PairwiseControl({ def, store, ctx }) {
  const own = useRef(null);
  const cls = def && classificationOf(store, def);
  const selected = cls?.value?.selected;
  const pick = (side) => { if (!ctx.readOnly) cls.set(selected === side ? null : { selected: side }); };
  useEffect(() => {
    const root = own.current?.closest(".lc-root");
    if (!root || !def) return undefined;
    const objects = def.to_name.slice(0, 2).map((name) => root.querySelector(`[data-object="${CSS.escape(name)}"]`)?.closest(".lc-object"));
    objects.forEach((el, i) => el?.classList.toggle("lc-pair-picked", selected === SIDES[i]));
    const onClick = (e) => {
      if (!window.getSelection()?.isCollapsed) return;
      const i = objects.findIndex((el) => el?.contains(e.target));
      if (i >= 0) pick(SIDES[i]);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  });
  if (!def) return null;
  return html`<div class="lc-pairwise" role="group" aria-label=${def.name} ref=${own}>
    ${SIDES.map((side, i) => html`<button type="button" key=${side} class=${`btn${selected === side ? " primary" : ""}`}
      aria-pressed=${selected === side} title=${`Pick ${def.to_name[i] ?? side}`} onClick=${() => pick(side)}>${side === "left" ? "← Left" : "Right →"}</button>`)}
  </div>`;
}

registerTag("Ranker", { kind: "control", component: RankerControl });
registerTag("Pairwise", { kind: "control", component: PairwiseControl });
registerTag("Relations", { kind: "layout", component: () => null });
