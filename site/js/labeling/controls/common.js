// Shared by classification controls: where their result lives (global or per selected region).
import { truthy } from "../core/data.js";

/** {regionId, item, value, set(value|null)} of a classification control now. */
export function classificationOf(store, def) {
  const regionId = truthy(def.attrs.perRegion) ? store.getState().selected : null;
  const item = store.classification(def.name, regionId);
  return {
    regionId,
    item,
    value: item?.value ?? null,
    set: (value) => store.setClassification(def.name, value, regionId),
  };
}

/** The accessible title of a control: its name, with "(required)". */
export const controlTitle = (def) => `${def.name}${truthy(def.attrs.required) ? " (required)" : ""}`;

/**
 * The click handler of a checkbox or radio whose checked state the store owns.
 * Why not preventDefault: the browser toggles the input before the handler runs and puts it
 * back only after the event ends, so Preact's re-render (a microtask, inside the event) sees the
 * toggled input, writes nothing, and the rollback then leaves the screen disagreeing with the
 * store. Instead the click is let through, the store edited, and every input of the group
 * (the enclosing fieldset or tree, whose radios the browser may also have unticked) set to what
 * the store now holds, which stays because nothing is rolled back.
 *   onPick()         edits the store (or refuses to: read-only, locked, over maxUsages)
 *   checkedOf(input) -> the stored truth for one input of the group, read after onPick
 */
export function pickInput(onPick, checkedOf) {
  return (event) => {
    const input = event.currentTarget;
    onPick();
    const group = input.closest("fieldset, [role=tree]") ?? input.parentNode;
    for (const el of group.querySelectorAll(`input[type=${input.type}]`)) el.checked = Boolean(checkedOf(el));
  };
}
