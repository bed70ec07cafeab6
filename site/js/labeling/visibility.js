// Conditional display: visibleWhen / whenTagName / whenChoiceValue / whenLabelValue, and perRegion.
import { truthy } from "./data.js";

const RULES = {
  "region-selected": (a, store) => {
    const id = store.getState().selected;
    if (!id) return false;
    const labels = store.labelsOf(id);
    if (a.whenTagName && !store.itemsOf(id).some((it) => it.from_name === a.whenTagName)) return false;
    return !a.whenLabelValue || split(a.whenLabelValue).some((v) => labels.includes(v));
  },
  "no-region-selected": (_a, store) => !store.getState().selected,
  "choice-selected": (a, store) => choiceSelected(a, store),
  "choice-unselected": (a, store) => !choiceSelected(a, store),
};

function split(v) { return String(v).split(",").map((s) => s.trim()).filter(Boolean); }

function choiceSelected(a, store) {
  const wanted = a.whenChoiceValue ? split(a.whenChoiceValue) : null;
  return store.getState().items.some((it) => (!a.whenTagName || it.from_name === a.whenTagName)
    && Array.isArray(it.value?.choices) && it.value.choices.length
    && (!wanted || it.value.choices.some((c) => wanted.includes(Array.isArray(c) ? c.at(-1) : c))));
}

/** Whether a layout node (with its config entry `def`) shows now. */
export function isVisible(node, def, store) {
  const a = node.attrs ?? {};
  if (def && truthy(a.perRegion)) {
    const id = store.getState().selected;
    const region = id && store.region(id);
    if (!region || !def.to_name?.includes(region.to_name)) return false;
  }
  const rule = RULES[a.visibleWhen];
  if (rule) return rule(a, store);
  if (a.whenTagName && a.whenChoiceValue && !a.visibleWhen) return choiceSelected(a, store);
  return true;
}
