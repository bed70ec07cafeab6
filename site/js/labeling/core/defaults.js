// Defaults of the config, applied when and as Label Studio applies them (session.js calls these):
//
//   <Choice selected="true">   a fresh annotation (no draft, no own annotation, no prediction)
//                              starts with those choices in its result (LS creates the result
//                              as a new annotation is set up: Annotation.initRoot, `!pk`).
//   <Label selected="true">    picked for the next region whenever the task opens (in LS it is the
//                              Label's own state, not the annotation's); maxUsages still holds.
//   <Number defaultValue>      shown while the Number holds nothing (controls/inputs.js) and
//                              stored by Submit/Update when it still holds nothing (LS's
//                              Number.beforeSend); a required perRegion Number gets it on every
//                              region of its objects without one, a non-required one on none.
//   <Rating defaultValue>      nothing: LS hands it to antd's Rate next to a controlled value that
//                              is null, so it neither shows nor is stored.
//
// Controls inside a <Repeater> are left alone (their names are templates). Each table is keyed
// by tag name.
import { truthy, readValue } from "./data.js";
import { isRegionControl } from "./registry.js";
import { newId, resultItem } from "./regions.js";
import { repeatLevels } from "./repeat.js";
import { choiceItems, storedAs } from "../controls/choices.js";
import { numberAttr } from "../controls/inputs.js";

// tag -> (def, task) -> the value a fresh annotation gives the control, or null
const FRESH = {
  Choices(def, task) {
    if (truthy(def.attrs.perRegion)) return null; // no region to put it on yet
    const items = choiceItems(def, { read: (holder, attr) => readValue(holder, attr, task?.data ?? {}) }) ?? [];
    const choices = items.filter((c) => truthy(c.attrs?.selected)).map(storedAs);
    return choices.length ? { choices } : null;
  },
};

// tag -> (store, def) -> fill in what a Submit stores by default
const AT_SUBMIT = {
  Number(store, def) {
    const number = numberAttr(def.attrs.defaultValue);
    if (number === null) return;
    if (!truthy(def.attrs.perRegion)) {
      if (!store.classification(def.name, null)) store.setClassification(def.name, { number });
      return;
    }
    if (!truthy(def.attrs.required)) return;
    for (const region of store.regions()) {
      if (def.to_name.includes(region.to_name) && !store.classification(def.name, region.id)) store.setClassification(def.name, { number }, region.id);
    }
  },
};

const outsideRepeaters = (config) => {
  const repeated = repeatLevels(config);
  return (config?.controls ?? []).filter((def) => !repeated.has(def.name));
};

/** The result a fresh annotation of `task` starts with (LS's key order, origin "manual"). */
export function freshItems(config, task) {
  const out = [];
  for (const def of outsideRepeaters(config)) {
    const value = FRESH[def.tag]?.(def, task);
    if (value) out.push(resultItem({ value, id: newId(), from_name: def.name, to_name: def.to_name[0], type: def.type }));
  }
  return out;
}

/** Pick every `<Label selected="true">` for the next region (not an edit: no undo step, no draft). */
export function pickSelectedLabels(store, config) {
  for (const def of outsideRepeaters(config)) {
    if (!isRegionControl(def.tag)) continue;
    const values = (def.labels ?? []).filter((l) => truthy(l.attrs?.selected) && !store.labelAtLimit(def.name, l.value)).map((l) => l.value);
    if (values.length) store.setActive(def.name, values);
  }
}

/** Store what a Submit stores by default (each an undoable edit of `store`). */
export function fillSubmitDefaults(store, config) {
  for (const def of outsideRepeaters(config)) AT_SUBMIT[def.tag]?.(store, def);
}
