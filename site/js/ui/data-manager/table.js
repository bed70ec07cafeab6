// The virtualized task table: a tall scroller with only the visible rows in the DOM (fixed row
// height), a sticky header with sort buttons and keyboard-resizable columns.
import { html, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { Cell, defaultWidth } from "./cells.js";

export const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 38;
const CHECK_WIDTH = 44;
const OVERSCAN = 8;
const MIN_WIDTH = 56;

function sortState(ordering, field) {
  const o = ordering?.[0];
  if (o === field.id) return "ascending";
  if (o === `-${field.id}`) return "descending";
  return undefined;
}

function HeaderCell({ field, width, sort, onSort, onResize }) {
  const drag = useRef(null);
  const [live, setLive] = useState(null);
  const shown = live ?? width;
  const down = (e) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: width };
  };
  const move = (e) => drag.current && setLive(Math.max(MIN_WIDTH, drag.current.w + e.clientX - drag.current.x));
  const up = () => {
    if (!drag.current) return;
    drag.current = null;
    if (live !== null) onResize(field.id, live);
    setLive(null);
  };
  const key = (e) => {
    const step = e.key === "ArrowLeft" ? -16 : e.key === "ArrowRight" ? 16 : 0;
    if (step) { e.preventDefault(); onResize(field.id, Math.max(MIN_WIDTH, width + step)); }
  };
  const arrow = sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "";
  return html`<div class="dm-th" role="columnheader" aria-sort=${sort ?? "none"} style=${{ width: `${shown}px` }}>
    <button type="button" class="dm-sort" title=${field.abbr ?? field.title} onClick=${() => onSort(field.id)}>
      <span class="dm-th-title">${field.title}</span><span class="dm-arrow" aria-hidden="true">${arrow}</span>
    </button>
    <span class="dm-resize" role="separator" aria-orientation="vertical" tabindex="0"
      aria-label=${`Resize ${field.title} column`} aria-valuenow=${shown}
      onPointerDown=${down} onPointerMove=${move} onPointerUp=${up} onPointerCancel=${up} onKeyDown=${key}></span>
  </div>`;
}

export function TaskTable({ index, rows, fields, widths, ordering, onSort, onResize, selection, onOpen, queryKey, partial }) {
  const scroller = useRef(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const frame = useRef(0);
  const focusRow = useRef(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => { ro.disconnect(); cancelAnimationFrame(frame.current); };
  }, []);
  // A new query starts at the top.
  useEffect(() => { if (scroller.current) scroller.current.scrollTop = 0; }, [queryKey]);
  useEffect(() => {
    if (focusRow.current === null) return;
    scroller.current?.querySelector(`[data-pos="${focusRow.current}"]`)?.focus();
    focusRow.current = null;
  });

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = scroller.current;
      if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    });
  };

  const n = rows.length;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(n, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const cols = fields.map((f) => ({ field: f, width: widths[f.id] ?? defaultWidth(f) }));
  const total = CHECK_WIDTH + cols.reduce((s, c) => s + c.width, 0);

  const moveFocus = (pos) => {
    const target = Math.max(0, Math.min(n - 1, pos));
    const el = scroller.current;
    const y = target * ROW_HEIGHT;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT > el.scrollTop + el.clientHeight - HEAD_HEIGHT) el.scrollTop = y + ROW_HEIGHT - el.clientHeight + HEAD_HEIGHT;
    focusRow.current = target;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };
  const rowKey = (e, pos, id) => {
    if (e.target !== e.currentTarget) return;
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (e.key in moves) { e.preventDefault(); moveFocus(pos + moves[e.key]); }
    else if (e.key === "Home" || e.key === "End") { e.preventDefault(); moveFocus(e.key === "Home" ? 0 : n - 1); }
    else if (e.key === "Enter") { e.preventDefault(); onOpen(id); }
    else if (e.key === " ") { e.preventDefault(); selection.toggle(id); }
  };

  const body = [];
  for (let pos = first; pos < last; pos++) {
    const r = rows[pos];
    const id = index.ids[r];
    const checked = selection.has(id);
    body.push(html`<div key=${id} class=${"dm-row" + (checked ? " selected" : "")} role="row" tabindex="0"
        aria-rowindex=${pos + 2} aria-selected=${checked} data-pos=${pos} data-task=${id}
        style=${{ transform: `translateY(${pos * ROW_HEIGHT}px)`, width: `${total}px` }}
        onClick=${() => onOpen(id)} onKeyDown=${(e) => rowKey(e, pos, id)}>
      <div class="dm-td dm-check" role="cell" onClick=${(e) => e.stopPropagation()}>
        <input type="checkbox" checked=${checked} aria-label=${`Select task ${id}`} onChange=${() => selection.toggle(id)} />
      </div>
      ${cols.map(({ field, width }) => html`<div class="dm-td" role="cell" style=${{ width: `${width}px` }}>
        <${Cell} field=${field} value=${index.columns[field.id]?.[r]} /></div>`)}
    </div>`);
  }

  const head = selection.header;
  return html`<div class=${n ? "dm-scroll" : "dm-scroll dm-none"} ref=${scroller} onScroll=${onScroll} role="table" aria-label="Tasks"
      aria-rowcount=${n + 1} data-rows=${n} data-query=${queryKey}>
    <div class="dm-head" role="row" aria-rowindex="1" style=${{ width: `${total}px` }}>
      <div class="dm-th dm-check" role="columnheader">
        <input type="checkbox" aria-label="Select all tasks" checked=${head === "all"} disabled=${partial}
          ref=${(el) => { if (el) el.indeterminate = head === "some"; }} onChange=${selection.toggleAll} />
      </div>
      ${cols.map(({ field, width }) => html`<${HeaderCell} key=${field.id} field=${field} width=${width}
          sort=${sortState(ordering, field)} onSort=${onSort} onResize=${onResize} />`)}
    </div>
    <div class="dm-body" role="rowgroup" style=${{ height: `${n * ROW_HEIGHT}px`, width: `${total}px` }}>${body}</div>
  </div>`;
}
