// Colours and names of regions, from the labels of their controls.

const FALLBACK = "#617ADA";

/** The config label entry of a value in a control, or null. */
export function labelEntry(ctl, value) {
  const walk = (items) => {
    for (const it of items ?? []) {
      if (it.value === value || it.alias === value) return it;
      const inner = walk(it.children);
      if (inner) return inner;
    }
    return null;
  };
  return walk(ctl?.labels);
}

/** The colour of a region: its first label's background. */
export function regionColor(store, region) {
  const ctl = store.control(region.from_name);
  const first = region.value?.[ctl?.value_key]?.[0];
  return labelEntry(ctl, first)?.background || FALLBACK;
}

/** Every label of a region with its colour, over all its region-control items: [{label, color}]. */
export function labelColors(store, id) {
  return store.itemsOf(id).filter((it) => store.isRegionItem(it)).flatMap((it) => {
    const ctl = store.control(it.from_name);
    return (it.value?.[ctl?.value_key] ?? []).map((label) => ({ label, color: labelEntry(ctl, label)?.background || FALLBACK }));
  });
}

/** A translucent fill of a colour (any CSS colour, named ones included). */
export const tint = (color, pct = 35) => `color-mix(in srgb, ${color} ${pct}%, transparent)`;
