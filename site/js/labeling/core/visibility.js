// Conditional display: visibleWhen / whenTagName / whenChoiceValue / whenLabelValue, and perRegion.
// The same rules decide what a Submit keeps (submittable): a result whose control would be hidden
// is left out, as Label Studio's Result.canBeSubmitted does — a choice made under "Sport" and
// hidden again by picking "Other" is not sent, and a per-region control with whenLabelValue
// sends nothing for a region without that label.
import { truthy } from "./data.js";

// Every rule reads a `view`: {items, selected, labelsOf(id), itemsOf(id)} — the live store on
// screen, or the items being submitted with `selected` the region a per-region result is on.
const RULES = {
  "region-selected": (a, view) => Boolean(view.selected) && regionMatches(a, view, view.selected),
  "no-region-selected": (_a, view) => !view.selected,
  "choice-selected": (a, view) => choiceSelected(a, view),
  "choice-unselected": (a, view) => !choiceSelected(a, view),
};

function split(v) { return String(v).split(",").map((s) => s.trim()).filter(Boolean); }

function regionMatches(a, view, id) {
  if (a.whenTagName && !view.itemsOf(id).some((it) => it.from_name === a.whenTagName)) return false;
  return !a.whenLabelValue || split(a.whenLabelValue).some((v) => view.labelsOf(id).includes(v));
}

function choiceSelected(a, view) {
  const wanted = a.whenChoiceValue ? split(a.whenChoiceValue) : null;
  return view.items.some((it) => (!a.whenTagName || it.from_name === a.whenTagName)
    && Array.isArray(it.value?.choices) && it.value.choices.length
    && (!wanted || it.value.choices.some((c) => wanted.includes(Array.isArray(c) ? c.at(-1) : c))));
}

function shown(a, view) {
  const rule = RULES[a.visibleWhen];
  if (rule) return rule(a, view);
  if (a.whenTagName && a.whenChoiceValue && !a.visibleWhen) return choiceSelected(a, view);
  return true;
}

// Choice rules read the items a Submit would keep, so a control hidden by a hidden choice hides
// too, on screen as in the result. Computed once per store state (items are replaced on every edit).
const kept = new WeakMap();

const liveView = (store, items = submittable(store)) => ({
  items, selected: store.getState().selected,
  labelsOf: (id) => store.labelsOf(id), itemsOf: (id) => store.itemsOf(id),
});

/** Whether a layout node (with its config entry `def`) shows now. */
export function isVisible(node, def, store) {
  const a = node.attrs ?? {};
  if (def && truthy(a.perRegion)) {
    const id = store.getState().selected;
    const region = id && store.region(id);
    if (!region || !def.to_name?.includes(region.to_name)) return false;
    if (!regionMatches(a, liveView(store), id)) return false; // whenLabelValue / whenTagName on the region
  }
  return shown(a, liveView(store));
}

/**
 * Whether a per-region control applies to region `id`: its whenTagName / whenLabelValue match the
 * region, and a choice rule (visibleWhen choice-selected / -unselected) holds.
 */
export function appliesToRegion(attrs, store, id) {
  const view = liveView(store);
  if (!regionMatches(attrs, view, id)) return false;
  return attrs.visibleWhen === "region-selected" || attrs.visibleWhen === "no-region-selected" || shown(attrs, view);
}

/**
 * The items of `store` a Submit sends: relations, regions, and every classification whose
 * control shows for it (per-region results judged on their own region's labels). Hiding can cascade
 * (a hidden choice hides what depends on it), so this repeats until nothing more drops.
 */
export function submittable(store) {
  const all = store.getState().items;
  const last = kept.get(store);
  if (last?.all === all) return last.items;
  const items = keptOf(store, all);
  kept.set(store, { all, items });
  return items;
}

function keptOf(store, all) {
  let items = all;
  for (;;) {
    const view = liveView(store, items);
    const next = items.filter((it) => {
      if (it.type === "relation" || store.isRegionItem(it)) return true;
      const a = store.control(it.from_name)?.attrs;
      if (!a) return true;
      if (store.region(it.id) && (truthy(a.perRegion) || a.visibleWhen === "region-selected") && !regionMatches(a, view, it.id)) return false;
      // Selection is not part of an annotation: only the choice rules can drop a result.
      return a.visibleWhen === "region-selected" || a.visibleWhen === "no-region-selected" || shown(a, view);
    });
    if (next.length === items.length) return items;
    items = next;
  }
}
