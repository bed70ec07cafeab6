// After a Submit that a required field blocked: the focus goes to the first control missing a
// value (in config order), outlined for a moment, so a person sees which one the message means
// even when the control shows no caption. A per-region control goes to its first region that
// lacks a value (selected first, so the control shows for it).
import { missingRequired } from "./required.js";
import { appliesToRegion } from "./visibility.js";
import { controlTitle } from "../controls/common.js";
import { truthy } from "./data.js";
import { shownCopies } from "./repeat.js";

const OUTLINE_MS = 2000;
const FOCUSABLE = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

const lacks = (config, def, preview) => missingRequired({ ...config, controls: [def] }, preview).length > 0;

/**
 * The first required control that `preview` (a store holding what a Submit would send) lacks, or
 * null; in a Repeater, the first item's copy that lacks it ("lang_1").
 */
export function firstMissing(config, preview) {
  const def = (config.controls ?? []).find((d) => truthy(d.attrs.required) && lacks(config, d, preview));
  if (!def) return null;
  return shownCopies(preview, config, def).find((copy) => copy !== def && lacks(config, copy, preview)) ?? def;
}

/** The first region a per-region control applies to (required.js asks the same) and has no value on, or null. */
function lackingRegion(def, preview) {
  const region = preview.regions().find((r) => def.to_name.includes(r.to_name) && appliesToRegion(def.attrs, preview, r.id)
    && !preview.classification(def.name, r.id));
  return region?.id ?? null;
}

/** The control's element on screen (by its accessible name), or null. */
function elementOf(def) {
  const view = document.querySelector(".lc-view");
  for (const name of [controlTitle(def), def.name, `Labels ${def.name}`]) {
    const el = view?.querySelector(`[aria-label="${CSS.escape(name)}"]`);
    if (el) return el;
  }
  return null;
}

function attend(el) {
  const target = el.matches(FOCUSABLE) ? el : el.querySelector(`input:checked:not([disabled])`) ?? el.querySelector(FOCUSABLE);
  target?.focus();
  el.scrollIntoView({ block: "nearest" });
  el.classList.remove("lc-attention");
  void el.offsetWidth; // restart the animation when the same control is pointed at again
  el.classList.add("lc-attention");
  setTimeout(() => el.classList.remove("lc-attention"), OUTLINE_MS);
}

/** Focus and outline the first required control `preview` lacks; `live` is the store on screen. */
export function focusMissing(config, live, preview) {
  const def = firstMissing(config, preview);
  if (!def) return;
  if (truthy(def.attrs.perRegion)) {
    const region = lackingRegion(def, preview);
    if (region && region !== live.getState().selected) {
      live.select(region);
      setTimeout(() => { const el = elementOf(def); if (el) attend(el); }, 0); // once the view shows it for that region
      return;
    }
  }
  const el = elementOf(def);
  if (el) attend(el);
}
