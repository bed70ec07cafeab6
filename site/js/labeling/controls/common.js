// Shared by classification controls: where their result lives (global or per selected region).
import { truthy } from "../data.js";

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
