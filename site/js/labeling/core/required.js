// Required controls block Submit: the names (or requiredMessage) of what is missing.
import { truthy } from "./data.js";
import { appliesToRegion, isVisible } from "./visibility.js";
import { shownCopies } from "./repeat.js";

function nodesByName(layout, out = new Map()) {
  if (!layout) return out;
  if (layout.attrs?.name) out.set(layout.attrs.name, layout);
  for (const c of layout.children ?? []) nodesByName(c, out);
  return out;
}

/**
 * Messages for every required control without a value (perRegion: per region of its objects).
 * Text typed in a TextArea but not yet added counts: Submit adds it (session.js).
 */
export function missingRequired(config, store) {
  const nodes = nodesByName(config.layout);
  const out = [];
  const typed = (name, regionId) => Boolean(store.pending?.(name, regionId)?.trim());
  for (const template of config.controls) {
    if (!truthy(template.attrs.required)) continue;
    const node = nodes.get(template.name);
    for (const def of shownCopies(store, config, template)) { // a Repeater's control: each item's copy
      if (truthy(def.attrs.perRegion)) {
        // every region it can describe (its object, and its whenLabelValue / whenTagName / choice rule)
        const regions = store.regions().filter((r) => def.to_name.includes(r.to_name) && appliesToRegion(def.attrs, store, r.id));
        const lacking = regions.filter((r) => !store.classification(def.name, r.id) && !typed(def.name, r.id));
        if (lacking.length) out.push(def.attrs.requiredMessage || `${def.name} (for ${lacking.length} region${lacking.length > 1 ? "s" : ""})`);
        continue;
      }
      if (node?.attrs?.visibleWhen && !isVisible({ ...node, attrs: { ...node.attrs, perRegion: false } }, def, store)) continue;
      if (!store.classification(def.name, null) && !store.getState().items.some((it) => it.from_name === def.name) && !typed(def.name, null)) {
        out.push(def.attrs.requiredMessage || def.name);
      }
    }
  }
  return out;
}
