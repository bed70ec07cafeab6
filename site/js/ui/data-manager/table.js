// The virtualized task table: a tall scroller whose body is a recycled pool of row elements
// (row-pool.js: fixed row height, transform-placed, written in place without re-rendering), and a
// sticky header (Preact) with sort buttons, keyboard-resizable columns and drag-to-reorder.
import { html, useEffect, useLayoutEffect, useRef, useState } from "../../lib/html.js";
import { defaultWidth } from "./cells.js";
import { RowPool, ROW_HEIGHT } from "./row-pool.js";

export { ROW_HEIGHT };
const HEAD_HEIGHT = 38;
const CHECK_WIDTH = 44;
const MIN_WIDTH = 56;

function sortState(ordering, field) {
  const o = ordering?.[0];
  if (o === field.id) return "ascending";
  if (o === `-${field.id}`) return "descending";
  return undefined;
}

function HeaderCell({ field, width, sort, onSort, onResize, onMove }) {
  const drag = useRef(null);
  const [live, setLive] = useState(null);
  const [over, setOver] = useState(false);
  const shown = live ?? width;
  const down = (e) => {
    e.preventDefault();
    e.stopPropagation();
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
  // Alt+Shift+arrow on the header button moves the column; so does dragging the header.
  const sortKey = (e) => {
    const step = e.altKey && e.shiftKey ? (e.key === "ArrowLeft" ? -1 : e.key === "ArrowRight" ? 1 : 0) : 0;
    if (step) { e.preventDefault(); onMove(field.id, step); }
  };
  const arrow = sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "";
  return html`<div class=${"dm-th" + (over ? " dm-drop" : "")} role="columnheader" aria-sort=${sort ?? "none"}
      style=${{ width: `${shown}px` }} draggable="true"
      onDragStart=${(e) => { if (drag.current) { e.preventDefault(); return; } e.dataTransfer.setData("text/x-dm-column", field.id); e.dataTransfer.effectAllowed = "move"; }}
      onDragOver=${(e) => { if (e.dataTransfer.types.includes("text/x-dm-column")) { e.preventDefault(); setOver(true); } }}
      onDragLeave=${() => setOver(false)}
      onDrop=${(e) => { e.preventDefault(); setOver(false); const from = e.dataTransfer.getData("text/x-dm-column"); if (from && from !== field.id) onMove(from, field.id); }}>
    <button type="button" class="dm-sort" title=${`${field.abbr ?? field.title} (Alt+Shift+←/→ moves the column)`}
      onClick=${() => onSort(field.id)} onKeyDown=${sortKey}>
      <span class="dm-th-title">${field.title}</span><span class="dm-arrow" aria-hidden="true">${arrow}</span>
    </button>
    <span class="dm-resize" role="separator" aria-orientation="vertical" tabindex="0"
      aria-label=${`Resize ${field.title} column`} aria-valuenow=${shown}
      onPointerDown=${down} onPointerMove=${move} onPointerUp=${up} onPointerCancel=${up} onKeyDown=${key}></span>
  </div>`;
}

export function TaskTable({ index, rows, fields, widths, ordering, onSort, onResize, onMove, selection, onOpen, queryKey, partial }) {
  const scroller = useRef(null);
  const body = useRef(null);
  const pool = useRef(null);
  const handlers = useRef({});
  const n = rows.length;
  const cols = fields.map((f) => ({ field: f, width: widths[f.id] ?? defaultWidth(f) }));
  const total = CHECK_WIDTH + cols.reduce((s, c) => s + c.width, 0);

  const moveFocus = (pos) => {
    const target = Math.max(0, Math.min(n - 1, pos));
    const el = scroller.current;
    const y = target * ROW_HEIGHT;
    const height = el.clientHeight;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT > el.scrollTop + height - HEAD_HEIGHT) el.scrollTop = y + ROW_HEIGHT - height + HEAD_HEIGHT;
    pool.current.update(el.scrollTop);
    pool.current.rowAt(target)?.focus({ preventScroll: true });
  };
  handlers.current = {
    onOpen,
    onToggle: (id) => selection.toggle(id),
    onKey: (e, pos, id) => {
      const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
      if (e.key in moves) { e.preventDefault(); moveFocus(pos + moves[e.key]); }
      else if (e.key === "Home" || e.key === "End") { e.preventDefault(); moveFocus(e.key === "Home" ? 0 : n - 1); }
      else if (e.key === "Enter") { e.preventDefault(); onOpen(id); }
      else if (e.key === " ") { e.preventDefault(); selection.toggle(id); }
    },
  };

  useLayoutEffect(() => {
    const el = scroller.current;
    const forward = (name) => (...args) => handlers.current[name](...args);
    pool.current = new RowPool(body.current, { onOpen: forward("onOpen"), onToggle: forward("onToggle"), onKey: forward("onKey") });
    // The viewport height comes from the observer, never read in the scroll handler.
    const ro = new ResizeObserver(([entry]) => pool.current.update(pool.current.top, entry.contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Every render hands the pool its data (rows, columns, selection); it rewrites visible rows.
  useLayoutEffect(() => {
    pool.current.setData({ index, rows, cols, total, selection });
  });
  // A new query starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    pool.current.update(0);
  }, [queryKey]);

  const head = selection.header;
  return html`<div class=${n ? "dm-scroll" : "dm-scroll dm-none"} ref=${scroller} role="table" aria-label="Tasks"
      onScroll=${(e) => pool.current.update(e.currentTarget.scrollTop)}
      aria-rowcount=${n + 1} data-rows=${n} data-query=${queryKey}>
    <div class="dm-head" role="row" aria-rowindex="1" style=${{ width: `${total}px` }}>
      <div class="dm-th dm-check" role="columnheader">
        <input type="checkbox" aria-label="Select all tasks" checked=${head === "all"} disabled=${partial}
          ref=${(el) => { if (el) el.indeterminate = head === "some"; }} onChange=${selection.toggleAll} />
      </div>
      ${cols.map(({ field, width }) => html`<${HeaderCell} key=${field.id} field=${field} width=${width}
          sort=${sortState(ordering, field)} onSort=${onSort} onResize=${onResize} onMove=${onMove} />`)}
    </div>
    <div class="dm-body" role="rowgroup" ref=${body} style=${{ height: `${n * ROW_HEIGHT}px`, width: `${total}px` }}></div>
  </div>`;
}
