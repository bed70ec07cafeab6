// The table body's rows: a fixed pool of row elements, each placed with a transform and given the
// task at its position (slot = position % pool size), so scrolling by one row rewrites one row and
// a jump rewrites each row's cells in place. No virtual DOM, no layout reads: positions come
// from the scroll offset and the fixed row height alone. Events are delegated to the body.
import { rendererOf } from "./cells.js";

export const ROW_HEIGHT = 44;
const OVERSCAN = 6;

export class RowPool {
  /** `body`: the element rows go in; `handlers`: {onOpen(id), onToggle(id), onKey(event, pos, id)}. */
  constructor(body, handlers) {
    this.body = body;
    this.handlers = handlers;
    this.slots = [];
    this.top = 0;
    this.height = 800;
    this.data = null;
    this.shape = "";
    this.ahead = 0;
    body.addEventListener("click", (e) => this.#click(e));
    body.addEventListener("change", (e) => this.#change(e));
    body.addEventListener("keydown", (e) => this.#key(e));
  }

  /** New rows, columns or selection: every row is written again on the next update. */
  setData(data) {
    this.data = data;
    const shape = data.cols.map((c) => `${c.field.id}:${c.width}`).join("|");
    if (shape !== this.shape) {
      this.shape = shape;
      for (const slot of this.slots) this.#layoutCells(slot);
    }
    for (const slot of this.slots) slot.pos = -1;
    this.#resize();
  }

  /** Place rows for the scroll offset `top` (and the viewport height, when it changed). */
  update(top, height = this.height) {
    if (top !== this.top) this.ahead = top > this.top ? 1 : -1;
    this.top = top;
    if (height !== this.height) { this.height = height; this.#resize(); return; }
    this.#place();
  }

  /** The row element showing position `pos`, if it is in the pool. */
  rowAt(pos) {
    const slot = this.slots[pos % this.slots.length];
    return slot?.pos === pos ? slot.el : null;
  }

  #resize() {
    const n = this.data?.rows.length ?? 0;
    const want = Math.min(n, Math.ceil(this.height / ROW_HEIGHT) + 1 + 2 * OVERSCAN);
    while (this.slots.length > want) this.slots.pop().el.remove();
    while (this.slots.length < want) {
      const slot = this.#makeSlot();
      this.slots.push(slot);
      this.body.append(slot.el);
    }
    for (const slot of this.slots) slot.pos = -1;  // the pos -> slot mapping changed with the size
    this.#place();
  }

  #place() {
    const size = this.slots.length;
    if (!size) return;
    const n = this.data.rows.length;
    // Most spare rows go ahead of the scroll (the next frame's rows are often there already).
    const behind = this.ahead > 0 ? 2 : this.ahead < 0 ? 2 * OVERSCAN - 1 : OVERSCAN;
    const first = Math.max(0, Math.min(n - size, Math.floor(this.top / ROW_HEIGHT) - behind));
    for (let pos = first; pos < first + size; pos++) {
      const slot = this.slots[pos % size];
      if (slot.pos !== pos) this.#fill(slot, pos);
    }
  }

  #makeSlot() {
    const el = document.createElement("div");
    el.className = "dm-row";
    el.setAttribute("role", "row");
    el.tabIndex = 0;
    const check = document.createElement("div");
    check.className = "dm-td dm-check";
    check.setAttribute("role", "cell");
    const box = document.createElement("input");
    box.type = "checkbox";
    check.append(box);
    el.append(check);
    const slot = { el, box, cells: [], pos: -1, task: null, selected: null };
    this.#layoutCells(slot);
    return slot;
  }

  #layoutCells(slot) {
    for (const td of slot.cells) td.remove();
    slot.cells = (this.data?.cols ?? []).map(({ width }) => {
      const td = document.createElement("div");
      td.className = "dm-td";
      td.setAttribute("role", "cell");
      td.style.width = `${width}px`;
      slot.el.append(td);
      return td;
    });
    slot.renderers = (this.data?.cols ?? []).map(({ field }) => rendererOf(field));
    slot.el.style.width = `${this.data?.total ?? 0}px`;
    slot.pos = -1;
  }

  #fill(slot, pos) {
    const { index, rows, cols, selection } = this.data;
    const r = rows[pos];
    const id = index.ids[r];
    slot.pos = pos;
    const el = slot.el;
    el.style.transform = `translateY(${pos * ROW_HEIGHT}px)`;
    el.setAttribute("aria-rowindex", pos + 2);
    el.dataset.pos = pos;
    const checked = selection.has(id);
    if (slot.task !== id) {
      slot.task = id;
      el.dataset.task = id;
      slot.box.setAttribute("aria-label", `Select task ${id}`);
    }
    if (slot.selected !== checked) {
      slot.selected = checked;
      el.classList.toggle("selected", checked);
      el.setAttribute("aria-selected", checked);
      slot.box.checked = checked;
    }
    for (let c = 0; c < cols.length; c++) slot.renderers[c](slot.cells[c], index.columns[cols[c].field.id]?.[r]);
  }

  #rowOf(target) {
    const el = target.closest?.(".dm-row");
    return el && this.body.contains(el) ? el : null;
  }

  #click(e) {
    const el = this.#rowOf(e.target);
    if (!el || e.target.closest(".dm-check") || e.target.closest("audio")) return;
    this.handlers.onOpen(Number(el.dataset.task));
  }

  #change(e) {
    const el = this.#rowOf(e.target);
    if (el && e.target.type === "checkbox") this.handlers.onToggle(Number(el.dataset.task));
  }

  #key(e) {
    const el = this.#rowOf(e.target);
    if (!el || e.target !== el) return;
    this.handlers.onKey(e, Number(el.dataset.pos), Number(el.dataset.task));
  }
}
