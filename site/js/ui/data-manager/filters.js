// The filter editor: rows of (column, operator, value), joined by "and" or "or", applied as you type.
import { html } from "../../lib/html.js";
import { OPERATORS } from "../../store/task-index.js";

export const OPERATOR_TITLES = {
  equal: "is", not_equal: "is not", contains: "contains", not_contains: "does not contain", regex: "matches regex",
  less: "is less than", greater: "is greater than", less_or_equal: "is at most", greater_or_equal: "is at least",
  in: "is in range", not_in: "is not in range", empty: "is empty",
};

const inputType = (type) => (type === "Number" ? "number" : type === "Datetime" ? "datetime-local" : "text");

function ValueInput({ item, field, onChange, n }) {
  const label = `Filter ${n} value`;
  if (field?.type === "Boolean") {
    return html`<select aria-label=${label} value=${String(item.value === true || item.value === "true")}
        onChange=${(e) => onChange({ value: e.target.value === "true" })}>
      <option value="true">yes</option><option value="false">no</option></select>`;
  }
  if (item.operator === "empty") {
    return html`<select aria-label=${label} value=${String(item.value !== false && item.value !== "false")}
        onChange=${(e) => onChange({ value: e.target.value === "true" })}>
      <option value="true">yes</option><option value="false">no</option></select>`;
  }
  const type = inputType(field?.type);
  if (item.operator === "in" || item.operator === "not_in") {
    const range = item.value && typeof item.value === "object" ? item.value : { min: "", max: "" };
    return html`<span class="dm-range">
      <input type=${type} aria-label=${`Filter ${n} from`} value=${range.min ?? ""} step="any"
        onInput=${(e) => onChange({ value: { ...range, min: e.target.value } })} />
      <span class="muted">and</span>
      <input type=${type} aria-label=${`Filter ${n} to`} value=${range.max ?? ""} step="any"
        onInput=${(e) => onChange({ value: { ...range, max: e.target.value } })} /></span>`;
  }
  return html`<input type=${type} aria-label=${label} step="any" value=${typeof item.value === "object" ? "" : item.value ?? ""}
      placeholder=${item.operator === "regex" ? "e.g. ^cat" : ""} onInput=${(e) => onChange({ value: e.target.value })} />`;
}

export function FilterEditor({ fields, filters, error, onChange, onClose }) {
  const items = filters.items;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const set = (i, changes) => onChange({ ...filters, items: items.map((it, k) => (k === i ? { ...it, ...changes } : it)) });
  const setField = (i, id) => {
    const field = byId.get(id);
    const ops = OPERATORS[field.type];
    const sameType = byId.get(items[i].filter)?.type === field.type;  // a new kind of column starts at its first operator
    const op = sameType && ops.includes(items[i].operator) ? items[i].operator : ops[0];
    set(i, { filter: id, type: field.type, operator: op, value: op === "empty" || field.type === "Boolean" ? true : "" });
  };
  const setOperator = (i, op) => {
    const old = items[i].operator;
    const ranged = (o) => o === "in" || o === "not_in";
    const value = op === "empty" ? true : ranged(op) === ranged(old) && old !== "empty" ? items[i].value : ranged(op) ? { min: "", max: "" } : "";
    set(i, { operator: op, value });
  };
  const add = () => {
    const field = fields[0];
    const value = field.type === "Boolean" ? true : "";
    onChange({ ...filters, items: [...items, { filter: field.id, type: field.type, operator: OPERATORS[field.type][0], value }] });
  };
  const remove = (i) => onChange({ ...filters, items: items.filter((_, k) => k !== i) });
  return html`<div class="dm-popover dm-filters" role="group" aria-label="Filters"
      onKeyDown=${(e) => e.key === "Escape" && onClose()}>
    ${items.length === 0 && html`<p class="muted">No filters: every task is shown. Add one to narrow the list.</p>`}
    ${items.map((item, i) => {
      const field = byId.get(item.filter);
      const ops = OPERATORS[field?.type ?? "String"];
      return html`<div class="dm-filter-row" key=${i}>
        <span class="dm-conj">${i === 0 ? "Where" : i === 1
          ? html`<select aria-label="Combine filters with" value=${filters.conjunction}
              onChange=${(e) => onChange({ ...filters, conjunction: e.target.value })}>
              <option value="and">and</option><option value="or">or</option></select>`
          : filters.conjunction}</span>
        <select aria-label=${`Filter ${i + 1} column`} value=${item.filter} onChange=${(e) => setField(i, e.target.value)}>
          ${fields.map((f) => html`<option value=${f.id}>${f.title}</option>`)}
        </select>
        <select aria-label=${`Filter ${i + 1} operator`} value=${item.operator} onChange=${(e) => setOperator(i, e.target.value)}>
          ${ops.map((op) => html`<option value=${op}>${OPERATOR_TITLES[op]}</option>`)}
        </select>
        <${ValueInput} item=${item} field=${field} n=${i + 1} onChange=${(c) => set(i, c)} />
        <button class="btn icon" type="button" aria-label=${`Remove filter ${i + 1}`} onClick=${() => remove(i)}>✕</button>
      </div>`;
    })}
    ${error && html`<p class="error-text" role="alert">${error}</p>`}
    <div class="dm-popover-foot">
      <button class="btn" type="button" onClick=${add}>Add filter</button>
      <span class="spacer"></span>
      <button class="btn" type="button" onClick=${onClose}>Done</button>
    </div>
  </div>`;
}
