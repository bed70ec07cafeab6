// Writing image regions into the region store (regions.js): every edit goes through
// store.edit, so undo/redo, drafts and `prediction-changed` work as for text. Image result items
// carry original_width, original_height, image_rotation (and item_index with valueList), as
// Label Studio writes them.
import { newId } from "../core/regions.js";

/** The keys Label Studio adds to every result on an image (item_index only with valueList). */
export const IMAGE_KEYS = ["original_width", "original_height", "image_rotation", "item_index"];

/** Those keys of one result. */
export function imageKeys({ width, height, rotation = 0, itemIndex = null }) {
  const out = { original_width: width, original_height: height, image_rotation: rotation };
  if (itemIndex != null) out.item_index = itemIndex;
  return out;
}

/** One image result item in Label Studio's key order. */
export function imageItem(info, { value, id, from_name, to_name, type, origin = "manual" }) {
  return { ...imageKeys(info), value, id, from_name, to_name, type, origin };
}

/** The labels a region drawn with control `ctl` gets now ([] when it needs one and none is picked or left under maxUsages). */
export function pickedFor(store, ctl) {
  return ctl.value_key ? (store.getState().active[ctl.name] ?? []).filter((v) => !store.labelAtLimit(ctl.name, v)) : null;
}

/** Create a region drawn with control `ctl` on `objectName`; returns its id, or null without a label. */
export function createShape(store, { ctl, objectName, info, positional }) {
  const key = ctl.value_key;
  const labels = pickedFor(store, ctl);
  if (key && !labels.length) return null;
  const id = newId();
  const value = key ? { ...positional, [key]: labels } : { ...positional };
  store.edit("add region", ({ items }) => ({
    items: [...items, imageItem(info, { value, id, from_name: ctl.name, to_name: objectName, type: ctl.type })],
  }));
  store.releaseFullLabels();
  return id;
}

/** Replace the positional part of a region (every item of its id: the region and its per-region results). */
export function updateShape(store, id, positional, label = "edit region") {
  store.edit(label, ({ items }) => ({
    items: items.map((it) => (it.id === id && it.type !== "relation" ? { ...it, value: { ...it.value, ...positional } } : it)),
  }));
}

/** A copy of a region (and its per-region results) under a new id; returns the new id. */
export function duplicateShape(store, id) {
  const copy = newId();
  store.edit("duplicate region", ({ items, flags }) => ({
    items: [...items, ...items.filter((it) => it.id === id && it.type !== "relation").map((it) => ({ ...it, id: copy, origin: "manual" }))],
    flags: flags[id] ? { ...flags, [copy]: { ...flags[id], locked: false } } : flags,
  }));
  return copy;
}
