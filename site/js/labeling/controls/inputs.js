// <TextArea> (rows, editable, maxSubmissions, skipDuplicates, perRegion), <Rating>, <Number>
// (min/max/step, slider), <DateTime> (only="date"|"time"|"month"|"year"|"date,time", format).
// None shows its name as a caption (Label Studio shows none: people add a <Header>); the name
// is the control's accessible name.
//
// TextArea: what is typed but not yet added lives in the store's `pending` (per control and
// region), so it is saved with the draft, survives a reload and stays with its region; Enter
// (rows="1") or shift+Enter (rows > 1, where Enter starts a new line) or Add adds it, and so does
// Submit (`addPending`, called by the session), as Label Studio adds it before it sends. Text is
// added exactly as typed (Label Studio trims nothing). The Add button shows for rows > 1 unless
// showSubmitButton="false", and for rows="1" only with showSubmitButton="true", as in LS. A
// change to an added line (editable="true") is pending too until Enter or leaving the line,
// then one undoable edit.
//
// Number: saved as typed (each input event), kept to min/max/step; its own hotkey steps it up
// (stepNumber). A defaultValue shows while it holds nothing; Submit stores it (defaults.js).
import { html, useReducer, useState } from "../../lib/html.js";
import { registerTag } from "../core/registry.js";
import { classificationOf, controlTitle } from "./common.js";
import { truthy } from "../core/data.js";
import { formatDate, parseDate } from "./datefmt.js";

function blocked(store, def, regionId) {
  return store.readOnly || (truthy(def.attrs.perRegion) && !regionId) || Boolean(regionId && store.flag(regionId, "locked"));
}

const textsOf = (store, def, regionId) => store.classification(def.name, regionId)?.value?.text ?? [];
const same = (a, b) => a.toLowerCase() === b.toLowerCase(); // skipDuplicates ignores case, as in LS

/** Add typed text as Enter does (as typed; maxSubmissions, skipDuplicates); why not, or "". */
function addText(store, def, regionId, raw) {
  const text = String(raw ?? "");
  if (!text || store.readOnly) return "";
  if (regionId && !store.region(regionId)) return `Not added: "${text}" was typed on a region since deleted.`;
  if (blocked(store, def, regionId)) return `Not added: "${text}" is on a locked region.`;
  const texts = textsOf(store, def, regionId);
  const max = Number(def.attrs.maxSubmissions) || 0;
  if (max && texts.length >= max) return `Not added: ${def.name} takes at most ${max} text${max > 1 ? "s" : ""}.`;
  if (truthy(def.attrs.skipDuplicates) && texts.some((t) => same(t, text))) return `Not added: "${text}" is already there.`;
  store.setClassification(def.name, { text: [...texts, text] }, regionId);
  return "";
}

/** Put a changed line back into the result; why not, or "". */
function editLine(store, def, regionId, index, value) {
  const texts = textsOf(store, def, regionId);
  if (index >= texts.length || texts[index] === value || blocked(store, def, regionId)) return "";
  if (truthy(def.attrs.skipDuplicates) && texts.some((t, j) => j !== index && same(t, value))) return `Not changed: "${value}" is already there.`;
  store.setClassification(def.name, { text: texts.map((t, j) => (j === index ? value : t)) }, regionId);
  return "";
}

/** A pending text added as its Enter would add it (the session calls this on Submit). */
function addPending(store, def, { regionId, line, text }) {
  store.setPending(def.name, regionId, line, null);
  return line == null ? addText(store, def, regionId, text) : editLine(store, def, regionId, line, text);
}

const isEnter = (e) => e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.metaKey;
const isShiftEnter = (e) => e.key === "Enter" && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey;

function TextAreaControl({ def, store, ctx }) {
  const [, bump] = useReducer((n) => n + 1, 0);
  const [note, setNote] = useState("");
  if (!def) return null;
  const a = def.attrs;
  const { regionId } = classificationOf(store, def);
  const texts = textsOf(store, def, regionId);
  const max = Number(a.maxSubmissions) || 0;
  const canAdd = !ctx.readOnly && !(max && texts.length >= max);
  const locked = blocked(store, def, regionId);
  const typed = store.pending(def.name, regionId) ?? "";
  const rows = Number(a.rows) || 1;
  const type = (line) => (e) => { store.setPending(def.name, regionId, line, e.currentTarget.value); setNote(""); bump(); };
  const settle = (line) => {
    const text = store.pending(def.name, regionId, line);
    if (text === undefined) return;
    setNote(addPending(store, def, { regionId, line, text }));
    bump();
  };
  const remove = (i) => {
    // lines below move up: so do their pending changes
    const mine = store.pendingEntries().filter((p) => p.control === def.name && p.regionId === regionId && p.line != null && p.line >= i);
    for (const p of mine.sort((x, y) => x.line - y.line)) {
      store.setPending(def.name, regionId, p.line, null);
      if (p.line > i) store.setPending(def.name, regionId, p.line - 1, p.text);
    }
    const next = textsOf(store, def, regionId).filter((_, j) => j !== i); // read now: a blur just before may have changed a line
    store.setClassification(def.name, next.length ? { text: next } : null, regionId);
  };
  // An added line is one line: Enter settles it. The box: Enter adds (rows="1"), or with rows > 1
  // starts a new line and shift+Enter adds, as in Label Studio. ctrl+enter is left to Submit.
  const onKeyDown = (line) => (e) => {
    if (line == null && rows > 1 ? isShiftEnter(e) : isEnter(e)) { e.preventDefault(); settle(line); }
  };
  const label = controlTitle(def);
  const addButton = !ctx.readOnly && (a.showSubmitButton == null ? rows !== 1 : truthy(a.showSubmitButton));
  const box = { value: typed, placeholder: a.placeholder ?? "", "aria-label": label, disabled: locked, onInput: type(null), onKeyDown: onKeyDown(null),
    title: rows > 1 ? "shift+Enter adds the text" : undefined };
  return html`<div class="lc-textarea" role="group" aria-label=${label}>
    ${texts.map((t, i) => html`<div class="lc-submitted" key=${i}>
      ${truthy(a.editable) && !ctx.readOnly
        ? html`<input type="text" value=${store.pending(def.name, regionId, i) ?? t} aria-label=${`${def.name} text ${i + 1}`} disabled=${locked}
            onInput=${type(i)} onKeyDown=${onKeyDown(i)} onBlur=${() => settle(i)} />`
        : html`<span>${t}</span>`}
      ${!ctx.readOnly && html`<button type="button" class="btn icon lc-x" aria-label=${`Delete ${def.name} text ${i + 1}`} disabled=${locked} onClick=${() => remove(i)}>×</button>`}
    </div>`)}
    ${canAdd && html`<div class="lc-textarea-input">
      ${rows > 1 ? html`<textarea rows=${rows} ...${box}></textarea>` : html`<input type="text" ...${box} />`}
      ${addButton && html`<button type="button" class="btn" onClick=${() => settle(null)} disabled=${locked || !typed}>Add</button>`}
    </div>`}
    ${note && html`<p class="lc-input-note" role="status">${note}</p>`}
  </div>`;
}

function RatingControl({ def, store, ctx }) {
  if (!def) return null;
  const cls = classificationOf(store, def);
  const max = Number(def.attrs.maxRating) || 5;
  const value = cls.value?.rating ?? 0;
  const pick = (n) => { if (!blocked(store, def, cls.regionId)) cls.set(n === value ? null : { rating: n }); };
  return html`<div class="lc-rating" role="radiogroup" aria-label=${controlTitle(def)}>
    ${Array.from({ length: max }, (_, i) => i + 1).map((n) => html`<button type="button" key=${n} role="radio" aria-checked=${n === value}
      aria-label=${`${n} star${n > 1 ? "s" : ""}`} class=${`lc-star${n <= value ? " lc-on" : ""}`} disabled=${ctx.readOnly} onClick=${() => pick(n)}>★</button>`)}
  </div>`;
}

/** A number attribute (min, max, step, defaultValue) as a number, or null when unset or not a number. */
export const numberAttr = (v) => (v === undefined || v === null || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
const decimals = (v) => Math.min(10, (String(v).split(".")[1] ?? "").length);

/**
 * `n` as the control may hold it: within min/max and on the step from min (or 0), which is what
 * Label Studio checks before it sends ("the two nearest valid values are ..."). An off-step
 * value moves to the nearer of the two, an out-of-range one to the bound; `note` says so.
 */
export function validNumber(n, attrs) {
  const min = numberAttr(attrs.min);
  const max = numberAttr(attrs.max);
  const step = numberAttr(attrs.step) ?? 1;
  let value = n;
  let why = "";
  if (min !== null && value < min) { value = min; why = `${n} is below the minimum ${min}`; }
  if (max !== null && value > max) { value = max; why = `${n} is above the maximum ${max}`; }
  const base = min ?? 0;
  const k = (value - base) / step;
  if (step > 0 && Math.abs(k - Math.round(k)) > 1e-9) {
    const round = (x) => Number(x.toFixed(Math.max(decimals(step), decimals(base))));
    const low = round(base + Math.floor(k) * step);
    const high = round(base + Math.ceil(k) * step);
    why = `${value} is not a valid value: the two nearest valid values are ${low} and ${high}`;
    value = (high - value <= value - low && (max === null || high <= max)) ? high : low;
  }
  return { number: value, note: why ? `${why}; ${value} is kept.` : "" };
}

const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

function NumberControl({ def, store, ctx }) {
  const [note, setNote] = useState("");
  // The text being typed, shown as typed for as long as the store holds the number it gave (an
  // undo, a hotkey, another region or task shows the stored number again).
  const [typed, setTyped] = useState(null);
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const value = cls.value?.number ?? null;
  const fallback = numberAttr(a.defaultValue); // shown while nothing is stored; Submit stores it (defaults.js)
  const slider = truthy(a.slider);
  const shown = value ?? fallback;
  const own = typed && typed.store === store && typed.regionId === cls.regionId && typed.number === value ? typed.text : null;
  const stored = () => classificationOf(store, def).value?.number ?? null;
  // Every input event (a key typed, the slider moved) saves the number, kept to min/max/step (the
  // note says what is kept instead); a half-typed number ("-", "1e") changes nothing yet.
  const input = (e) => {
    const el = e.currentTarget;
    if (blocked(store, def, cls.regionId)) { el.value = String(shown ?? ""); return; }
    if (el.validity?.badInput) return;
    const valid = el.value === "" ? { number: null, note: "" } : validNumber(Number(el.value), a);
    if (valid.number !== stored()) cls.set(valid.number === null ? null : { number: valid.number });
    setTyped({ store, regionId: cls.regionId, text: el.value, number: valid.number });
    setNote(valid.note);
  };
  // Leaving the box (or Enter): it shows what is kept.
  const settle = (e) => {
    const el = e.currentTarget;
    const kept = stored() ?? fallback;
    if (el.validity?.badInput) setNote(`Not a number: ${kept ?? "nothing"} is kept.`);
    setTyped(null);
    el.value = String(kept ?? (slider ? a.min ?? 0 : "")); // the store may hold this already: no re-render would put it back
  };
  // A slider nobody moved holds no value: a click or a move key on it (even at min) sets one.
  const touch = (e) => { if (stored() == null && (e.type === "click" || MOVE_KEYS.has(e.key))) input(e); };
  const unset = shown === null;
  return html`<div class="lc-number">
    <input type=${slider ? "range" : "number"} min=${a.min} max=${a.max} step=${a.step ?? 1} disabled=${ctx.readOnly}
      aria-label=${controlTitle(def)} class=${slider && unset ? "lc-unset" : undefined} aria-valuetext=${slider && unset ? "not set" : undefined}
      value=${own ?? String(shown ?? (slider ? a.min ?? 0 : ""))} onInput=${input} onChange=${settle}
      onClick=${slider ? touch : undefined} onKeyUp=${slider ? touch : undefined} />
    ${slider && html`<output>${unset ? "not set" : shown}</output>`}
    ${note && html`<p class="lc-input-note" role="status">${note}</p>`}
  </div>`;
}

/**
 * Number's own hotkey, as Label Studio's increaseValue: one more each press (from nothing or
 * below 1: 1), and at max or above back to 0; what it gives is kept to min/max/step here too.
 */
function stepNumber(store, def) {
  const cls = classificationOf(store, def);
  if (blocked(store, def, cls.regionId)) return;
  const current = cls.value?.number ?? null;
  const max = numberAttr(def.attrs.max);
  const next = max !== null && current !== null && current >= max ? 0 : current > 0 ? Number((current + 1).toFixed(decimals(current))) : 1;
  const { number } = validNumber(next, def.attrs);
  if (number !== current) cls.set({ number });
}

// only -> the input that edits it and how its value reads as date parts
const DATE_INPUTS = {
  date: { type: "date", re: /^(\d{4,})-(\d\d)-(\d\d)$/, keys: ["y", "m", "d"], show: (p) => `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}` },
  time: { type: "time", re: /^(\d\d):(\d\d)(?::(\d\d))?/, keys: ["H", "M", "S"], show: (p) => `${pad2(p.H)}:${pad2(p.M)}` },
  month: { type: "month", re: /^(\d{4,})-(\d\d)$/, keys: ["y", "m"], show: (p) => `${pad4(p.y)}-${pad2(p.m)}` },
  year: { type: "number", re: /^(\d{1,4})$/, keys: ["y"], show: (p) => String(p.y) },
  datetime: { type: "datetime-local", re: /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/, keys: ["y", "m", "d", "H", "M", "S"],
    show: (p) => `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}T${pad2(p.H)}:${pad2(p.M)}` },
};
const pad2 = (n) => String(n).padStart(2, "0");
const pad4 = (n) => String(n).padStart(4, "0");

/**
 * How a DateTime stores its value, as Label Studio does: only="time" keeps the input's "HH:MM"
 * (no format); otherwise `format`, by default "%Y-%m-%dT%H:%M" when the time shows (no `only`,
 * or one with time) and "%Y-%m-%d" when it does not (date, month, year: LS writes a year as
 * "2024-01-01" unless format="%Y").
 */
function dateSetup(attrs) {
  const only = String(attrs.only ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const kind = !only.length ? "datetime"
    : only.includes("date") ? (only.includes("time") ? "datetime" : "date") // date wins over month/year, as in LS
    : only.length === 1 && DATE_INPUTS[only[0]] ? only[0]
    : only.includes("month") ? "month" : "datetime";
  if (kind === "time") return { input: DATE_INPUTS.time, format: null };
  const timeShown = !only.length || only.includes("time");
  return { input: DATE_INPUTS[kind], format: attrs.format || (timeShown ? "%Y-%m-%dT%H:%M" : "%Y-%m-%d") };
}

function DateTimeControl({ def, store, ctx }) {
  const [note, setNote] = useState("");
  if (!def) return null;
  const a = def.attrs;
  const cls = classificationOf(store, def);
  const { input, format } = dateSetup(a);
  const stored = cls.value?.datetime ?? "";
  const parts = stored ? (format ? parseDate(format, stored) : partsFrom(input, stored)) : null;
  const unreadable = stored && !parts;
  const change = (e) => {
    const el = e.currentTarget;
    if (blocked(store, def, cls.regionId)) { el.value = parts ? input.show(parts) : ""; return; }
    if (!el.value) { setNote(""); cls.set(null); return; }
    const got = partsFrom(input, el.value);
    if (!got) { setNote(`"${el.value}" is not a ${input === DATE_INPUTS.year ? "year" : "date"}: nothing changed.`); el.value = parts ? input.show(parts) : ""; return; }
    setNote("");
    cls.set({ datetime: format ? formatDate(format, got) : input.show(got) });
  };
  return html`<div class="lc-datetime">
    <input type=${input.type} value=${parts ? input.show(parts) : ""} min=${a.min} max=${a.max} disabled=${ctx.readOnly}
      aria-label=${controlTitle(def)} onChange=${change} />
    ${(note || unreadable) && html`<p class="lc-input-note" role="status">${note || `The saved value "${stored}" does not fit the format "${format}"; it is kept until you pick a new one.`}</p>`}
  </div>`;
}

/** Date parts from an input's value (1-based month), or null. */
function partsFrom(input, value) {
  const m = input.re.exec(String(value));
  if (!m) return null;
  const parts = { y: 2000, m: 1, d: 1, H: 0, M: 0, S: 0 };
  input.keys.forEach((k, i) => { if (m[i + 1] !== undefined) parts[k] = Number(m[i + 1]); });
  return input === DATE_INPUTS.year && parts.y < 1 ? null : parts;
}

registerTag("TextArea", { kind: "control", component: TextAreaControl, addPending });
/** Rating's own hotkey: one star more each press, and after the last, none again (Label Studio's increaseValue). */
function stepRating(store, def) {
  const cls = classificationOf(store, def);
  if (blocked(store, def, cls.regionId)) return;
  const max = Number(def.attrs.maxRating) || 5;
  const next = (cls.value?.rating ?? 0) + 1;
  cls.set(next > max ? null : { rating: next });
}

registerTag("Rating", { kind: "control", component: RatingControl, controlHotkey: stepRating });
registerTag("Number", { kind: "control", component: NumberControl, controlHotkey: stepNumber });
registerTag("DateTime", { kind: "control", component: DateTimeControl });
