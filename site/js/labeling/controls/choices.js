// <Choices>: single (checkbox-like toggle), single-radio, multiple; layouts inline/vertical/select;
// choices from task data (value="$key": [{value, ...}]); nested choices (allowNested); perRegion.
import { html } from "../../lib/html.js";
import { registerTag } from "../core/registry.js";
import { classificationOf, pickInput } from "./common.js";
import { truthy, readValue } from "../core/data.js";

/** What a Choice puts in the result: its alias when it has one (shown is always its value), as in Label Studio. */
export const storedAs = (choice) => choice.alias || choice.value;

/** The Choice items of a control: from the config, or from the task when value="$key". */
export function choiceItems(def, ctx) {
  if (def.refs?.value?.ref) {
    const dynamic = ctx.read(def, "value");
    if (Array.isArray(dynamic)) {
      return dynamic.map((d) => (typeof d === "object" ? { value: String(d.value), alias: d.alias ?? null, hotkey: d.hotkey ?? null, children: d.children ?? [], attrs: d } : { value: String(d), children: [], attrs: {} }));
    }
  }
  return def.labels;
}

/** Whether this control's value may change now: not read-only, and for perRegion a selected, unlocked region. */
function editable(store, def, cls) {
  if (store.readOnly) return false;
  if (truthy(def.attrs.perRegion) && !cls.regionId) return false;
  return !(cls.regionId && store.flag(cls.regionId, "locked"));
}

export function toggleChoice(store, def, value) {
  const cls = classificationOf(store, def);
  if (!editable(store, def, cls)) return;
  const current = cls.value?.choices ?? [];
  const has = current.includes(value);
  let next;
  if (def.attrs.choice === "multiple") next = has ? current.filter((v) => v !== value) : [...current, value];
  else if (def.attrs.choice === "single-radio") next = [value];
  else next = has ? [] : [value];
  cls.set(next.length ? { choices: next } : null);
}

export function ChoicesControl({ def, store, ctx }) {
  if (!def) return null;
  const cls = classificationOf(store, def);
  const chosen = cls.value?.choices ?? [];
  const items = choiceItems(def, ctx);
  const filter = (ctx.filters[def.name] ?? "").toLowerCase();
  const shown = items.filter((c) => !filter || c.value.toLowerCase().includes(filter));
  const radio = def.attrs.choice !== "multiple";
  const layout = def.attrs.layout ?? (truthy(def.attrs.showInline) ? "inline" : "vertical");
  const label = `${def.name}${truthy(def.attrs.required) ? " (required)" : ""}`;
  if (layout === "select") {
    return html`<label class="lc-choices lc-select">
      <select multiple=${!radio} disabled=${ctx.readOnly} aria-label=${label} onChange=${(e) => {
        const picked = [...e.currentTarget.selectedOptions].map((o) => o.value).filter(Boolean);
        if (editable(store, def, cls)) cls.set(picked.length ? { choices: picked } : null);
        else for (const o of e.currentTarget.options) o.selected = o.value ? chosen.includes(o.value) : !chosen.length; // refused: show what is kept
      }}>
        ${radio && html`<option value="">—</option>`}
        ${shown.map((c) => html`<option key=${c.value} value=${storedAs(c)} selected=${chosen.includes(storedAs(c))}>${c.value}</option>`)}
      </select></label>`;
  }
  return html`<fieldset class=${`lc-choices lc-${layout}`} role=${radio ? "radiogroup" : "group"} aria-label=${label}>
    ${shown.map((c) => html`<label key=${c.value} class="lc-choice">
      <input type=${radio ? "radio" : "checkbox"} name=${`${def.name}-${cls.regionId ?? "task"}`} value=${storedAs(c)}
        checked=${chosen.includes(storedAs(c))} disabled=${ctx.readOnly}
        onClick=${pickInput(() => toggleChoice(store, def, storedAs(c)), (el) => (classificationOf(store, def).value?.choices ?? []).includes(el.value))} />
      <span>${c.value}</span>${c.hotkey && html`<kbd aria-hidden="true">${c.hotkey}</kbd>`}
    </label>`)}
  </fieldset>`;
}

registerTag("Choices", {
  kind: "control", component: ChoicesControl,
  hotkey: (store, def, item) => toggleChoice(store, def, storedAs(item)),
  items: (def, task) => choiceItems(def, { read: (holder, attr) => readValue(holder, attr, task?.data ?? {}) }), // their hotkeys too
});
