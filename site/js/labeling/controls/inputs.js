// <TextArea> (rows, editable, maxSubmissions, skipDuplicates, perRegion), <Rating>, <Number>
// (min/max/step, slider), <DateTime> (only="date"|"time"|"month"|"year"|"date,time").
import { html, useState } from "../../lib/html.js";
import { registerTag } from "../registry.js";
import { classificationOf } from "./common.js";
import { truthy } from "../data.js";

function blocked(store, def, cls) {
  return store.readOnly || (truthy(def.attrs.perRegion) && !cls.regionId) || (cls.regionId && store.flag(cls.regionId, "locked"));
}

function TextAreaControl({ def, store, ctx }) {
  const [draft, setDraft] = useState("");
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const texts = cls.value?.text ?? [];
  const max = Number(a.maxSubmissions) || 0;
  const canAdd = !ctx.readOnly && !(max && texts.length >= max);
  const rows = Number(a.rows) || 1;
  const submit = () => {
    const text = draft.trim();
    if (!text || !canAdd || blocked(store, def, cls)) return;
    if (truthy(a.skipDuplicates) && texts.includes(text)) { setDraft(""); return; }
    cls.set({ text: [...texts, text] });
    setDraft("");
  };
  const onKeyDown = (e) => {
    // Enter adds the text (shift+enter: a new line); ctrl+enter is left to Submit.
    if (e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); submit(); }
  };
  const edit = (i, value) => cls.set({ text: texts.map((t, j) => (j === i ? value : t)) });
  const remove = (i) => { const next = texts.filter((_, j) => j !== i); cls.set(next.length ? { text: next } : null); };
  const label = `${def.name}${truthy(a.required) ? " (required)" : ""}`;
  return html`<div class="lc-textarea" role="group" aria-label=${label}>
    ${texts.map((t, i) => html`<div class="lc-submitted" key=${i}>
      ${truthy(a.editable) && !ctx.readOnly
        ? html`<input type="text" value=${t} aria-label=${`${def.name} text ${i + 1}`} onChange=${(e) => edit(i, e.currentTarget.value)} />`
        : html`<span>${t}</span>`}
      ${!ctx.readOnly && html`<button type="button" class="btn icon lc-x" aria-label=${`Delete ${def.name} text ${i + 1}`} onClick=${() => remove(i)}>×</button>`}
    </div>`)}
    ${canAdd && html`<div class="lc-textarea-input">
      ${rows > 1
        ? html`<textarea rows=${rows} value=${draft} placeholder=${a.placeholder ?? ""} aria-label=${label} onInput=${(e) => setDraft(e.currentTarget.value)} onKeyDown=${onKeyDown}></textarea>`
        : html`<input type="text" value=${draft} placeholder=${a.placeholder ?? ""} aria-label=${label} onInput=${(e) => setDraft(e.currentTarget.value)} onKeyDown=${onKeyDown} />`}
      <button type="button" class="btn" onClick=${submit} disabled=${!draft.trim()}>Add</button>
    </div>`}
  </div>`;
}

function RatingControl({ def, store, ctx }) {
  if (!def) return null;
  const cls = classificationOf(store, def);
  const max = Number(def.attrs.maxRating) || 5;
  const value = cls.value?.rating ?? 0;
  const pick = (n) => { if (!blocked(store, def, cls)) cls.set(n === value ? null : { rating: n }); };
  return html`<div class="lc-rating" role="radiogroup" aria-label=${`${def.name}${truthy(def.attrs.required) ? " (required)" : ""}`}>
    ${Array.from({ length: max }, (_, i) => i + 1).map((n) => html`<button type="button" key=${n} role="radio" aria-checked=${n === value}
      aria-label=${`${n} star${n > 1 ? "s" : ""}`} class=${`lc-star${n <= value ? " lc-on" : ""}`} disabled=${ctx.readOnly} onClick=${() => pick(n)}>★</button>`)}
  </div>`;
}

function NumberControl({ def, store, ctx }) {
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const value = cls.value?.number;
  const set = (raw) => {
    if (blocked(store, def, cls)) return;
    if (raw === "") { cls.set(null); return; }
    let n = Number(raw);
    if (!Number.isFinite(n)) return;
    if (a.min !== undefined) n = Math.max(Number(a.min), n);
    if (a.max !== undefined) n = Math.min(Number(a.max), n);
    cls.set({ number: n });
  };
  return html`<label class="lc-number">${def.name}${truthy(a.required) ? " (required)" : ""}
    <input type=${truthy(a.slider) ? "range" : "number"} min=${a.min} max=${a.max} step=${a.step ?? 1} disabled=${ctx.readOnly}
      value=${value ?? (truthy(a.slider) ? a.min ?? 0 : "")} onChange=${(e) => set(e.currentTarget.value)} />
    ${truthy(a.slider) && html`<output>${value ?? "—"}</output>`}</label>`;
}

const DATE_INPUT = { date: "date", time: "time", month: "month", year: "number" };

function DateTimeControl({ def, store, ctx }) {
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const only = String(a.only ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const type = only.length === 1 ? DATE_INPUT[only[0]] ?? "datetime-local" : "datetime-local";
  const value = cls.value?.datetime ?? "";
  const set = (v) => { if (!blocked(store, def, cls)) cls.set(v ? { datetime: String(v) } : null); };
  return html`<label class="lc-datetime">${def.name}${truthy(a.required) ? " (required)" : ""}
    <input type=${type} value=${value} min=${a.min} max=${a.max} disabled=${ctx.readOnly} onChange=${(e) => set(e.currentTarget.value)} /></label>`;
}

registerTag("TextArea", { kind: "control", component: TextAreaControl });
registerTag("Rating", { kind: "control", component: RatingControl });
registerTag("Number", { kind: "control", component: NumberControl });
registerTag("DateTime", { kind: "control", component: DateTimeControl });
