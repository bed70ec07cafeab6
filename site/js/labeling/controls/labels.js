// <Labels>, <HyperTextLabels>, <ParagraphLabels>: pick labels for the next span, or relabel the
// selected region; hotkeys, maxUsages (on the control or on a Label), single or multiple.
import { html } from "../../lib/html.js";
import { registerTag } from "../core/registry.js";
import { tint } from "../core/colors.js";

const full = (store, ctl, item) => store.labelAtLimit(ctl.name, item.value);

/** Toggle a label: on the selected region when there is one (and it is not locked), else for the next span. */
export function toggleLabel(store, ctl, item) {
  const st = store.getState();
  const multiple = ctl.attrs.choice === "multiple";
  const region = st.selected && store.region(st.selected);
  if (region && ctl.to_name.includes(region.to_name)) {
    if (store.flag(region.id, "locked") || store.readOnly) return;
    const mine = st.items.find((it) => it.id === region.id && it.from_name === ctl.name);
    const current = mine?.value?.[ctl.value_key] ?? [];
    const has = current.includes(item.value);
    if (!has && full(store, ctl, item)) return; // relabelling counts too
    const next = multiple ? (has ? current.filter((v) => v !== item.value) : [...current, item.value]) : (has ? [] : [item.value]);
    if (next.length || store.itemsOf(region.id).filter((it) => store.isRegionItem(it)).length > 1) store.setRegionLabels(region.id, ctl.name, next);
    return;
  }
  const active = st.active[ctl.name] ?? [];
  const has = active.includes(item.value);
  if (!has && full(store, ctl, item)) return;
  store.setActive(ctl.name, multiple ? (has ? active.filter((v) => v !== item.value) : [...active, item.value]) : (has ? [] : [item.value]));
}

/** The label buttons of a Labels-like control; `spec.toggle` (default toggleLabel) runs on a click. */
export function labelsControl(spec) {
  return function LabelsControl({ def, store, ctx }) {
    if (!def) return null;
    const st = store.getState();
    const region = st.selected && store.region(st.selected);
    const mine = region && st.items.find((it) => it.id === region.id && it.from_name === def.name);
    const on = region && def.to_name.includes(region.to_name) ? (mine?.value?.[def.value_key] ?? []) : (st.active[def.name] ?? []);
    const filter = (ctx.filters[def.name] ?? "").toLowerCase();
    const shown = def.labels.filter((l) => !filter || l.value.toLowerCase().includes(filter) || (l.alias ?? "").toLowerCase().includes(filter));
    return html`<div class="lc-labels" role="group" aria-label=${`Labels ${def.name}`}>
      ${shown.map((l) => {
        const pressed = on.includes(l.value);
        const used = !pressed && full(store, def, l);
        const disabled = ctx.readOnly || used;
        return html`<button type="button" key=${l.value} class=${`lc-label${pressed ? " lc-on" : ""}`} aria-pressed=${pressed} disabled=${disabled}
          style=${{ "--label": l.background, background: pressed ? l.background : tint(l.background, 18) }}
          title=${`${l.value}${l.hotkey ? ` (hotkey ${l.hotkey})` : ""}${used ? " — used as often as maxUsages allows" : ""}`}
          onClick=${() => (spec.toggle ?? toggleLabel)(store, def, l)}>${l.alias && l.attrs?.showAlias ? l.alias : l.value}${l.hotkey && html` <kbd aria-hidden="true">${l.hotkey}</kbd>`}</button>`;
      })}
      ${!shown.length && html`<span class="muted">No label matches the filter.</span>`}
    </div>`;
  };
}

for (const tag of ["Labels", "HyperTextLabels", "ParagraphLabels"]) {
  registerTag(tag, { kind: "control", component: labelsControl({}), region: true, hotkey: toggleLabel });
}
