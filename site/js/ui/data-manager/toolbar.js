// The Data Manager's toolbar: selection count and bulk actions, columns, filters, order, search,
// and "Label Tasks As Displayed".
import { html, useEffect, useRef, useState } from "../../lib/html.js";
import { isActive } from "../../store/task-index.js";
import { FilterEditor } from "./filters.js";

/** Show/hide columns, and move them (the header can also be dragged, or moved with Alt+Shift+arrows). */
function ColumnsMenu({ fields, hidden, onChange, onMove }) {
  const toggle = (id) => onChange(hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id]);
  return html`<div class="dm-popover dm-columns" role="group" aria-label="Columns">
    ${fields.map((f, i) => html`<div class="dm-column-line" key=${f.id}>
      <label class="dm-check-line">
        <input type="checkbox" checked=${!hidden.includes(f.id)} onChange=${() => toggle(f.id)} /> ${f.title}</label>
      <button class="btn icon small" type="button" aria-label=${`Move ${f.title} up`} disabled=${i === 0}
        onClick=${() => onMove(f.id, fields[i - 1].id)}>↑</button>
      <button class="btn icon small" type="button" aria-label=${`Move ${f.title} down`} disabled=${i === fields.length - 1}
        onClick=${() => onMove(f.id, fields[i + 1].id)}>↓</button>
    </div>`)}
  </div>`;
}

function SearchBox({ value, onSearch }) {
  const [text, setText] = useState(value);
  const timer = useRef(0);
  useEffect(() => setText(value), [value]);
  const input = (e) => {
    setText(e.target.value);
    clearTimeout(timer.current);
    const v = e.target.value;
    timer.current = setTimeout(() => onSearch(v), 150);
  };
  return html`<input class="dm-search" type="search" aria-label="Search tasks" placeholder="Search tasks"
    value=${text} onInput=${input} onKeyDown=${(e) => e.key === "Enter" && (clearTimeout(timer.current), onSearch(e.target.value))} />`;
}

export function Toolbar({ view, fields, selection, actions, filterError, onPatch, onAction, onMove, onLabel, disabled, locked }) {
  const [open, setOpen] = useState(null);
  const root = useRef(null);
  useEffect(() => {
    if (!open) return undefined;
    const away = (e) => { if (!root.current?.contains(e.target)) setOpen(null); };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const flip = (name) => setOpen(open === name ? null : name);
  const active = view.filters.items.filter(isActive).length;
  const order = view.ordering[0] ?? "";
  const desc = order.startsWith("-");
  const orderField = desc ? order.slice(1) : order;
  const n = selection.count;
  return html`<div class="dm-toolbar" ref=${root}>
    <span class="dm-menu-anchor">
      <button class="btn" type="button" aria-haspopup="menu" aria-expanded=${open === "actions"} disabled=${n === 0 || locked}
        title=${locked ? "Bulk actions wait until the table is up to date" : undefined}
        onClick=${() => flip("actions")}>${n ? `${n.toLocaleString()} ${n === 1 ? "task" : "tasks"} selected` : "Actions"} ▾</button>
      ${open === "actions" && html`<div class="menu dm-menu-left" role="menu">
        ${actions.map((a) => html`<button role="menuitem" type="button" class=${a.danger ? "danger" : ""}
            onClick=${() => { setOpen(null); onAction(a); }}>${a.title}</button>`)}
      </div>`}
    </span>
    <span class="dm-menu-anchor">
      <button class="btn" type="button" aria-expanded=${open === "columns"} disabled=${disabled} onClick=${() => flip("columns")}>Columns</button>
      ${open === "columns" && html`<${ColumnsMenu} fields=${fields} hidden=${view.columns.hidden} onMove=${onMove}
          onChange=${(hidden) => onPatch({ columns: { ...view.columns, hidden } })} />`}
    </span>
    <span class="dm-menu-anchor">
      <button class=${"btn" + (active ? " dm-on" : "")} type="button" aria-expanded=${open === "filters"} disabled=${disabled}
        onClick=${() => flip("filters")}>Filters${active ? ` (${active})` : ""}</button>
      ${open === "filters" && html`<${FilterEditor} fields=${fields} filters=${view.filters} error=${filterError}
          onChange=${(filters) => onPatch({ filters })} onClose=${() => setOpen(null)} />`}
    </span>
    ${filterError && open !== "filters" && html`<span class="error-text" role="alert">${filterError}</span>`}
    <label class="dm-order"><span class="muted">Order by</span>
      <select aria-label="Order by" value=${orderField} disabled=${disabled}
        onChange=${(e) => onPatch({ ordering: e.target.value ? [(desc ? "-" : "") + e.target.value] : [] })}>
        <option value="">Default (ID)</option>
        ${fields.map((f) => html`<option value=${f.id}>${f.title}</option>`)}
      </select>
    </label>
    <button class="btn icon" type="button" disabled=${disabled || !orderField}
      aria-label=${desc ? "Descending order: switch to ascending" : "Ascending order: switch to descending"}
      onClick=${() => onPatch({ ordering: [(desc ? "" : "-") + orderField] })}>${desc ? "↓" : "↑"}</button>
    <${SearchBox} value=${view.search} onSearch=${(search) => onPatch({ search })} />
    <span class="spacer"></span>
    <button class="btn primary" type="button" disabled=${disabled} onClick=${onLabel}>Label Tasks As Displayed</button>
  </div>`;
}
